using System.Globalization;
using System.Threading.RateLimiting;
using AwsMcp.Host.Callers;
using AwsMcp.Host.Configuration;

namespace AwsMcp.Host.Security.RequestFiltering;

/// <summary>
/// Per-caller request limits on the MCP endpoints: a token bucket of <c>AwsMcp:Http:RateLimitPerMinute</c> per
/// authenticated caller (per client address for an anonymous one off loopback; <c>LoopbackRateLimitPerMinute</c> for
/// the local operator), answered 429 with <c>Retry-After</c> beyond it. One caller looping cannot starve the others
/// or run up the AWS bill, and a burst of normal use is not refused.
/// </summary>
public static class CallerRateLimiting
{
    public const string Policy = "per-caller";

    public static IServiceCollection AddCallerRateLimiting(this IServiceCollection services, HttpOptions http)
    {
        var (permits, loopbackPermits) = (http.RateLimitPerMinute, http.LoopbackRateLimitPerMinute);
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(Policy, context =>
            {
                var (key, limit) = Partition(context, permits, loopbackPermits);
                return limit == 0 ? RateLimitPartition.GetNoLimiter(key) : RateLimitPartition.GetTokenBucketLimiter(key, _ => Bucket(limit));
            });
        });
    }

    private static (string Key, int PerMinute) Partition(HttpContext context, int permits, int loopbackPermits) =>
        context.User.Identity is { IsAuthenticated: true } identity ? ($"{identity.AuthenticationType}:{CallerClaims.Id(context.User)}", permits)
        : ClientAddress.Of(context) is var address && address == ClientAddress.Local ? (address, loopbackPermits)
        : ($"address:{address}", permits);

    // A burst of a minute's worth, refilled evenly: by the second from 60 a minute, else one token at a time.
    private static TokenBucketRateLimiterOptions Bucket(int perMinute) => new()
    {
        TokenLimit = perMinute,
        TokensPerPeriod = Math.Max(1, perMinute / 60),
        ReplenishmentPeriod = perMinute >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(60.0 / perMinute),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
