using AwsMcp.Host.Callers;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Hosting;
using AwsMcp.Host.Mcp;
using AwsMcp.Host.Plugins;
using AwsMcp.Host.ToolCalls.Authorization;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Http;

/// <summary>
/// <c>GET /</c>: liveness in the prototype's shape (<c>status</c>, <c>mcp</c>) plus name, version and how many tools the
/// caller may see. <c>GET /health/ready</c>: ready or degraded for anyone (load balancers and probes); which plugins are
/// loaded or failed and why, and the state of background work, only for a caller that is not anonymous.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext http, ToolPolicy policy, ICallerIdentityResolver callers, IOptions<McpOptions> options) => Results.Json(
            new Health("ok", "server running", options.Value.ServerName, McpServerRegistration.ServerVersion, policy.VisibleTools(callers.Resolve(http.User)).Count)));

        endpoints.MapGet("/health/ready", (HttpContext http, PluginCatalog catalog, BackgroundHealth background, ICallerIdentityResolver callers) =>
        {
            var status = catalog.Failures.Count == 0 && background.AllHealthy ? "ready" : "degraded";
            if (callers.Resolve(http.User).AuthenticationMethod == CallerIdentityResolver.AnonymousMethod)
            {
                return Results.Json(new AnonymousReadiness(status));
            }

            return Results.Json(new Readiness(
                status,
                [.. catalog.Loaded.Select(p => new LoadedPluginStatus(p.Name, p.SourceFolder, [.. p.Tools.Select(t => t.Name)], p.AbstractionsVersion.ToString(), p.LoadedAt))],
                catalog.Failures,
                background.Components));
        });

        return endpoints;
    }

    private sealed record Health(string Status, string Mcp, string Name, string Version, int Tools);

    private sealed record AnonymousReadiness(string Status);

    private sealed record Readiness(
        string Status, IReadOnlyList<LoadedPluginStatus> Plugins, IReadOnlyCollection<PluginFailure> Failures, IReadOnlyDictionary<string, ComponentHealth> Background);

    private sealed record LoadedPluginStatus(string Name, string Path, IReadOnlyList<string> Tools, string AbstractionsVersion, DateTimeOffset LoadedAt);
}
