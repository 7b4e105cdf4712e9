using System.Threading.RateLimiting;

namespace AwsMcp.Host.Security.RequestFiltering;

/// <summary>
/// <see cref="ICallerRateLimiter"/> in this process: a token bucket per caller partition, a burst of a minute's worth
/// refilled evenly. A single server's limiter, and a shared one's fallback while the shared store is unreachable.
/// </summary>
public sealed class LocalCallerRateLimiter : ICallerRateLimiter, IDisposable
{
    // Idle partitions are dropped by the limiter itself, so a stream of new callers or addresses does not grow it.
    private readonly PartitionedRateLimiter<(string Partition, int PerMinute)> _buckets =
        PartitionedRateLimiter.Create<(string Partition, int PerMinute), (string, int)>(
            resource => RateLimitPartition.GetTokenBucketLimiter(resource, key => Bucket(key.Item2)));

    public ValueTask<RateLimitVerdict> AcquireAsync(string partition, int perMinute, CancellationToken cancellationToken)
    {
        using var lease = _buckets.AttemptAcquire((partition, perMinute));
        return ValueTask.FromResult(lease.IsAcquired ? RateLimitVerdict.Allow
            : new RateLimitVerdict(false, lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1)));
    }

    public void Dispose() => _buckets.Dispose();

    // By the second from 60 a minute, else one token at a time.
    private static TokenBucketRateLimiterOptions Bucket(int perMinute) => new()
    {
        TokenLimit = perMinute,
        TokensPerPeriod = Math.Max(1, perMinute / 60),
        ReplenishmentPeriod = perMinute >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(60.0 / perMinute),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
