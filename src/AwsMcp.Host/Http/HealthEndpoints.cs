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
    // Plain request delegates, not parameter-bound lambdas: those are compiled from expression trees when the routes are
    // first built, which the first request of any kind would pay (and System.Linq.Expressions stays in memory).
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", new RequestDelegate(LivenessAsync));
        endpoints.MapGet("/health/ready", new RequestDelegate(ReadinessAsync));
        return endpoints;
    }

    private static Task LivenessAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var caller = services.GetRequiredService<ICallerIdentityResolver>().Resolve(http.User);
        return Results.Json(new Health(
            "ok", "server running", services.GetRequiredService<IOptions<McpOptions>>().Value.ServerName, McpServerRegistration.ServerVersion,
            services.GetRequiredService<ToolPolicy>().VisibleTools(caller).Count)).ExecuteAsync(http);
    }

    private static Task ReadinessAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var catalog = services.GetRequiredService<PluginCatalog>();
        var background = services.GetRequiredService<BackgroundHealth>();
        var status = catalog.Failures.Count == 0 && background.AllHealthy ? "ready" : "degraded";
        if (services.GetRequiredService<ICallerIdentityResolver>().Resolve(http.User).AuthenticationMethod == CallerIdentityResolver.AnonymousMethod)
        {
            return Results.Json(new AnonymousReadiness(status)).ExecuteAsync(http);
        }

        return Results.Json(new Readiness(
            status,
            [.. catalog.Loaded.Select(p => new LoadedPluginStatus(p.Name, p.SourceFolder, [.. p.Tools.Select(t => t.Name)], p.AbstractionsVersion.ToString(), p.LoadedAt))],
            catalog.Failures,
            background.Components)).ExecuteAsync(http);
    }

    private sealed record Health(string Status, string Mcp, string Name, string Version, int Tools);

    private sealed record AnonymousReadiness(string Status);

    private sealed record Readiness(
        string Status, IReadOnlyList<LoadedPluginStatus> Plugins, IReadOnlyCollection<PluginFailure> Failures, IReadOnlyDictionary<string, ComponentHealth> Background);

    private sealed record LoadedPluginStatus(string Name, string Path, IReadOnlyList<string> Tools, string AbstractionsVersion, DateTimeOffset LoadedAt);
}
