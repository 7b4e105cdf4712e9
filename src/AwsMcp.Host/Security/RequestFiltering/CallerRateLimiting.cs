using System.Globalization;
using AwsMcp.Host.Callers;
using AwsMcp.Host.Configuration;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Security.RequestFiltering;

/// <summary>
/// Per-caller request limits on the MCP endpoints (those marked by <see cref="RequireCallerRateLimit"/>):
/// <c>AwsMcp:Http:RateLimitPerMinute</c> per authenticated caller (per client address for an anonymous one off
/// loopback; <c>LoopbackRateLimitPerMinute</c> for the local operator), answered 429 with <c>Retry-After</c> beyond
/// it (<see cref="RefusalBodies"/> writes the body). One caller looping cannot starve the others or run up the AWS
/// bill, and a burst of normal use is not refused. Counted by <see cref="ICallerRateLimiter"/>: in this process, or
/// across the replicas when they share a store.
/// </summary>
public sealed class CallerRateLimiting(RequestDelegate next, ICallerRateLimiter limiter, IOptions<HttpOptions> http)
{
    /// <summary>Marks an endpoint as rate-limited per caller.</summary>
    public static TBuilder RequireCallerRateLimit<TBuilder>(TBuilder endpoints)
        where TBuilder : IEndpointConventionBuilder => endpoints.WithMetadata(RateLimited.Instance);

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RateLimited>() is not null
            && Partition(context, http.Value) is { PerMinute: > 0 } partition
            && await limiter.AcquireAsync(partition.Key, partition.PerMinute, context.RequestAborted) is { Allowed: false } refused)
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(refused.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return;
        }

        await next(context);
    }

    private static (string Key, int PerMinute) Partition(HttpContext context, HttpOptions http) =>
        context.User.Identity is { IsAuthenticated: true } identity ? ($"{identity.AuthenticationType}:{CallerClaims.Id(context.User)}", http.RateLimitPerMinute)
        : ClientAddress.Of(context) is var address && address == ClientAddress.Local ? (address, http.LoopbackRateLimitPerMinute)
        : ($"address:{address}", http.RateLimitPerMinute);

    private sealed class RateLimited
    {
        public static readonly RateLimited Instance = new();
    }
}
