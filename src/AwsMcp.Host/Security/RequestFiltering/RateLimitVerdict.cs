namespace AwsMcp.Host.Security.RequestFiltering;

/// <summary>Whether a request may go on, and if not, how long until it may (<see cref="ICallerRateLimiter"/>).</summary>
public readonly record struct RateLimitVerdict(bool Allowed, TimeSpan RetryAfter)
{
    public static RateLimitVerdict Allow { get; } = new(true, TimeSpan.Zero);
}
