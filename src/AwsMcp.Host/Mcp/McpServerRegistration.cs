using System.Reflection;
using AwsMcp.Host.Callers;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.ToolCalls;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
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
        services.AddSingleton<DescriptorToolFactory>();
        services.AddSingleton<McpToolCollection>();
        services.AddSingleton<ToolListCache>();
        services.AddOptions<McpServerOptions>().Configure<McpToolCollection, IOptions<McpOptions>>((server, tools, options) =>
        {
            server.ServerInfo = new Implementation { Name = options.Value.ServerName, Version = ServerVersion };
            server.ServerInstructions = ServerInstructions.Text;

            // Assigned explicitly even when empty: without a collection the SDK advertises no tools capability
            // and there is nothing to add plugins to later.
            server.ToolCollection = tools.Tools;
        });

        return services.AddMcpServer()
            .WithRequestFilters(filters => filters.AddListToolsFilter(_ => (request, _) =>
            {
                // Every tool stays in the collection so that calling a hidden one is refused (and audited) by the
                // pipeline; listing shows only what policy lets this caller see, from the cache.
                var services = request.Services!;
                var caller = services.GetRequiredService<ICallerIdentityResolver>().Resolve(request.User);
                return ValueTask.FromResult(new ListToolsResult { Tools = services.GetRequiredService<ToolListCache>().For(caller).Tools });
            }))
            .WithCallToolHandler(async (request, cancellationToken) =>
            {
                // Reached only for a name the collection does not have: refused and audited like any call, then
                // answered the way MCP answers an unknown tool.
                var services = request.Services!;
                var name = request.Params?.Name ?? string.Empty;
                using var call = DescriptorTool.Edge(
                    name, request.JsonRpcRequest.Params, services.GetRequiredService<ToolCallFactory>(),
                    services.GetRequiredService<ICallerIdentityResolver>().Resolve(request.User), cancellationToken);
                var result = await services.GetRequiredService<ToolCallPipeline>().InvokeAsync(call);
                throw new McpProtocolException(result.Text, McpErrorCode.InvalidParams);
            });
    }
}
