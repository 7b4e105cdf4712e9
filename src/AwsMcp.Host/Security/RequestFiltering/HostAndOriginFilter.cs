using AwsMcp.Host.Configuration;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Security.RequestFiltering;

/// <summary>
/// The MCP transport rules the SDK leaves to the server: a request whose <c>Host</c> is not one of ours is refused
/// (DNS rebinding: a web page on evil.example resolving to 127.0.0.1), and so is a request whose <c>Origin</c> is
/// neither our own nor allow-listed (a foreign browser page calling us). Requests without an Origin (Copilot Studio, curl, SDK clients)
/// pass. Both answer 403 before authentication, routing or any body is read.
/// </summary>
public sealed partial class HostAndOriginFilter(RequestDelegate next, IOptionsMonitor<HttpOptions> options, ILogger<HostAndOriginFilter> logger)
{
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]", "::1"];

    public Task InvokeAsync(HttpContext context)
    {
        var settings = options.CurrentValue;
        var host = context.Request.Host.Host;
        if (!IsAllowedHost(settings, host))
        {
            LogRefusedHost(host);
            return Refuse(context, "Host not allowed");
        }

        if (context.Request.Headers.Origin.FirstOrDefault() is { Length: > 0 } origin
            && !IsSameOrigin(context.Request, origin)
            && !settings.AllowedOrigins.Contains(origin.TrimEnd('/'), StringComparer.OrdinalIgnoreCase))
        {
            LogRefusedOrigin(origin);
            return Refuse(context, "Origin not allowed");
        }

        return next(context);
    }

    private static bool IsAllowedHost(HttpOptions settings, string host) =>
        settings.AllowedHosts.Contains("*")
        || LoopbackHosts.Contains(host, StringComparer.OrdinalIgnoreCase)
        || settings.AllowedHosts.Contains(host, StringComparer.OrdinalIgnoreCase)
        || settings.ListenHosts().Contains(host, StringComparer.OrdinalIgnoreCase);

    // The Host was checked above, so a page of our own origin is not a rebinding attacker (whose Host is foreign).
    private static bool IsSameOrigin(HttpRequest request, string origin) =>
        string.Equals(origin.TrimEnd('/'), $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);

    private static Task Refuse(HttpContext context, string message)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return context.Response.WriteAsJsonAsync(new { error = new { code = -32000, message } }, context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request for host {Host}: not in AwsMcp:Http:AllowedHosts (possible DNS rebinding)")]
    private partial void LogRefusedHost(string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request from origin {Origin}: not in AwsMcp:Http:AllowedOrigins")]
    private partial void LogRefusedOrigin(string origin);
}
