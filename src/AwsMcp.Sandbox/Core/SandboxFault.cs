namespace AwsMcp.Sandbox.Core;

/// <summary>An AWS error to inject, with presets for the codes each service really answers with.</summary>
public sealed record SandboxFault(int StatusCode, string Code, string Message)
{
    /// <summary>The throttling error of <paramref name="service"/> (EC2 <c>RequestLimitExceeded</c>, S3 <c>SlowDown</c>, the awsQuery services <c>Throttling</c>, Lambda and the SSO portal 429…); SDKs retry these.</summary>
    public static SandboxFault Throttling(string service) => service switch
    {
        "ec2" => new(503, "RequestLimitExceeded", "Request limit exceeded."),
        "s3" => new(503, "SlowDown", "Please reduce your request rate."),
        "sts" or "iam" or "monitoring" => new(400, "Throttling", "Rate exceeded"),
        "lambda" or "awsssoportal" => new(429, "TooManyRequestsException", "Rate exceeded"),
        _ => new(400, "ThrottlingException", "Rate exceeded"),
    };

    /// <summary>The authorization failure of <paramref name="service"/> (EC2 <c>UnauthorizedOperation</c>, the SSO portal <c>ForbiddenException</c>, JSON services <c>AccessDeniedException</c>…).</summary>
    public static SandboxFault AccessDenied(string service) => service switch
    {
        "ec2" => new(403, "UnauthorizedOperation", "You are not authorized to perform this operation."),
        "s3" => new(403, "AccessDenied", "Access Denied"),
        "sts" or "iam" or "monitoring" => new(403, "AccessDenied", "User is not authorized to perform this operation"),
        "awsssoportal" => new(403, "ForbiddenException", "No access"),
        _ => new(403, "AccessDeniedException", "User is not authorized to perform this operation"),
    };

    /// <summary>A 500 the SDKs treat as retryable.</summary>
    public static SandboxFault InternalError { get; } = new(500, "InternalError", "We encountered an internal error. Please try again.");

    /// <summary>A 503 the SDKs treat as retryable.</summary>
    public static SandboxFault ServiceUnavailable { get; } = new(503, "ServiceUnavailable", "Service is unavailable. Please try again later.");
}
