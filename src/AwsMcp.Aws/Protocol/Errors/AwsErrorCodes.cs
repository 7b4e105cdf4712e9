namespace AwsMcp.Aws.Protocol.Errors;

/// <summary>Error-code families shared by every service (SDK and protocol client alike); the one list of them.</summary>
public static class AwsErrorCodes
{
    private static readonly HashSet<string> Throttling = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    };

    private static readonly HashSet<string> Transient = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable",
        "InternalServerError", "InternalServiceError",
    };

    /// <summary>The service refused the request for rate (the SDKs' throttling list, standard retry mode).</summary>
    public static bool IsThrottling(string? code) => code is not null && Throttling.Contains(code);

    /// <summary>A server-side failure that may pass on retry.</summary>
    public static bool IsTransient(string? code) => code is not null && Transient.Contains(code);
}
