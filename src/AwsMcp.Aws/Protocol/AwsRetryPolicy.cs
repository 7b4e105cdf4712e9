using System.Net;
using Amazon.Runtime;
using AwsMcp.Aws.Protocol.Errors;

namespace AwsMcp.Aws.Protocol;

/// <summary>
/// The SDK's "standard" retry rules: throttling errors are retried for every operation (the service refused the
/// request before acting on it); 5xx, timeouts and network failures only when the operation is idempotent, since the
/// first attempt may have taken effect. Waits use full jitter: a random time up to min(base × 2^attempt, max).
/// </summary>
internal static class AwsRetryPolicy
{
    public static bool IsThrottling(AmazonServiceException exception) =>
        AwsErrorCodes.IsThrottling(exception.ErrorCode) || exception.StatusCode == HttpStatusCode.TooManyRequests;

    public static bool IsRetryable(AmazonServiceException exception, bool idempotent) =>
        IsThrottling(exception)
        || (idempotent && ((int)exception.StatusCode >= 500 || AwsErrorCodes.IsTransient(exception.ErrorCode)));

    public static TimeSpan Backoff(int attempt, TimeSpan baseDelay, TimeSpan maxBackoff)
    {
        var ceiling = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, attempt), maxBackoff.TotalMilliseconds);

        // Never zero: a retry that does not wait at all is no backoff (and a zero delay schedules nothing).
        return TimeSpan.FromMilliseconds(Math.Max(1, Random.Shared.NextDouble() * ceiling));
    }
}
