using AwsMcp.Host.Configuration;
using AwsMcp.Host.Mcp;
using AwsMcp.Host.Plugins;
using AwsMcp.Host.Tools;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Http;

/// <summary>
/// <c>GET /</c>: liveness in the prototype's shape (<c>status</c>, <c>mcp</c>) plus name, version and tool count.
/// <c>GET /health/ready</c>: which plugins are loaded and which failed, and why.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (ToolRegistry registry, IOptions<McpOptions> options) => Results.Json(
            new Health("ok", "server running", options.Value.ServerName, McpServerRegistration.ServerVersion, registry.Count)));

        endpoints.MapGet("/health/ready", (PluginCatalog catalog) => Results.Json(new Readiness(
            catalog.Failures.Count == 0 ? "ready" : "degraded",
            [.. catalog.Loaded.Select(p => new LoadedPluginStatus(p.Name, p.SourceFolder, [.. p.Tools.Select(t => t.Name)], p.AbstractionsVersion.ToString(), p.LoadedAt))],
            catalog.Failures)));

        return endpoints;
    }

    private sealed record Health(string Status, string Mcp, string Name, string Version, int Tools);

    private sealed record Readiness(string Status, IReadOnlyList<LoadedPluginStatus> Plugins, IReadOnlyCollection<PluginFailure> Failures);

    private sealed record LoadedPluginStatus(string Name, string Path, IReadOnlyList<string> Tools, string AbstractionsVersion, DateTimeOffset LoadedAt);
}
