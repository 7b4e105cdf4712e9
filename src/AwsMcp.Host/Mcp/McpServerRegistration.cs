using System.Reflection;
using AwsMcp.Host.Callers;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.ToolCalls.Authorization;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AwsMcp.Host.Mcp;

/// <summary>Configures the MCP SDK server shared by the HTTP and stdio transports.</summary>
public static class McpServerRegistration
{
    /// <summary>The version reported to clients and by the health endpoint.</summary>
    public static string ServerVersion { get; } =
        typeof(McpServerRegistration).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static IMcpServerBuilder AddAwsMcpServer(this IServiceCollection services)
    {
        services.AddSingleton<McpToolCollection>();
        services.AddOptions<McpServerOptions>().Configure<McpToolCollection, IOptions<McpOptions>>((server, tools, options) =>
        {
            server.ServerInfo = new Implementation { Name = options.Value.ServerName, Version = ServerVersion };
            server.ServerInstructions = ServerInstructions.Text;

            // Assigned explicitly even when empty: without a collection the SDK advertises no tools capability
            // and there is nothing to add plugins to later.
            server.ToolCollection = tools.Tools;
        });

        return services.AddMcpServer().WithRequestFilters(filters => filters.AddListToolsFilter(next => async (request, cancellationToken) =>
        {
            // Every tool stays in the collection so that calling a hidden one is refused (and audited) by the
            // pipeline; listing shows only what policy lets this caller see.
            var result = await next(request, cancellationToken);
            var services = request.Services!;
            var visible = services.GetRequiredService<ToolPolicy>()
                .VisibleTools(services.GetRequiredService<ICallerIdentityResolver>().Resolve(request.User))
                .Select(t => t.Name)
                .ToHashSet(StringComparer.Ordinal);
            result.Tools = [.. result.Tools.Where(tool => visible.Contains(tool.Name))];
            return result;
        }));
    }
}
