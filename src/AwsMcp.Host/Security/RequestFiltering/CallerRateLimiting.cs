using System.Globalization;
using System.Threading.RateLimiting;
using AwsMcp.Host.Callers;
using AwsMcp.Host.Configuration;

namespace AwsMcp.Host.Security.RequestFiltering;

/// <summary>
/// Per-caller request limits on the MCP endpoints: a fixed window of <c>AwsMcp:Http:RateLimitPerMinute</c> requests
/// per authenticated caller (per client address when anonymous), answered 429 with <c>Retry-After</c> beyond it.
/// One caller looping cannot starve the others or run up the AWS bill.
/// </summary>
public static class CallerRateLimiting
{
    public const string Policy = "per-caller";

    public static IServiceCollection AddCallerRateLimiting(this IServiceCollection services, HttpOptions http)
    {
        var permits = http.RateLimitPerMinute;
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                PartitionKey(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }

    private static string PartitionKey(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true } identity
            ? $"{identity.AuthenticationType}:{CallerClaims.Id(context.User)}"
            : $"address:{context.Connection.RemoteIpAddress}";
}
