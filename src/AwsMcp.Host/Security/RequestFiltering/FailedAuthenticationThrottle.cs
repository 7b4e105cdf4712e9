using System.Globalization;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Security.Authentication;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Security.RequestFiltering;

/// <summary>
/// Before authentication: a request presenting credentials from an address that has failed too often this minute
/// is answered 429 without checking them, so that keys cannot be guessed at speed (<see cref="AuthenticationFailures"/>).
/// </summary>
public sealed class FailedAuthenticationThrottle(RequestDelegate next, AuthenticationFailures failures, IOptionsMonitor<SecurityOptions> security)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!ApiKeyAuthenticationHandler.PresentsCredentials(context.Request, security.CurrentValue) || failures.Blocked(context) is not { } left)
        {
            return next(context);
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(left.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return context.Response.WriteAsync(
            RefusalBodies.Json($"Too many failed authentication attempts from this address; credentials are not checked for {seconds} more second(s). " +
                "Check the key or token the client sends, then retry after Retry-After."),
            context.RequestAborted);
    }
}
