namespace AwsMcp.Host.Security.RequestFiltering;

/// <summary>
/// Counts requests per caller partition against a per-minute limit (<see cref="CallerRateLimiting"/>): token buckets
/// in this process (<see cref="LocalCallerRateLimiter"/>), or one sliding window per caller that every replica counts
/// in (<c>SharedState/Redis/RedisCallerRateLimiter</c>), so that N replicas do not allow N times the limit.
/// </summary>
public interface ICallerRateLimiter
{
    /// <summary>Takes one request of <paramref name="perMinute"/> for <paramref name="partition"/>, or says when to retry.</summary>
    ValueTask<RateLimitVerdict> AcquireAsync(string partition, int perMinute, CancellationToken cancellationToken);
}
