using AwsMcp.Host.Tests.Infrastructure;
using ModelContextProtocol.Client;

namespace AwsMcp.Host.Tests.McpSurface;

/// <summary>
/// One in-process server with the conformance fixture pack, keeping sessions for clients that initialise (what
/// logging, subscriptions, elicitation and sampling need) and answering the others statelessly.
/// </summary>
public sealed class ConformanceServerFixture : IAsyncLifetime
{
    private readonly PluginFolder _plugins = new PluginFolder().WithConformance();

    internal InProcessServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await InProcessServer.StartAsync(_plugins, new Dictionary<string, string?>
    {
        ["AwsMcp:Aws:Region"] = "eu-west-1",
        ["AwsMcp:Mcp:SessionMode"] = "StatefulForInitializeClients",
        ["AwsMcp:Tools:WritesEnabled"] = "true",
        ["AwsMcp:Policy:AllowedRegions:0"] = "eu-west-1",
        ["AwsMcp:Policy:AllowedRegions:1"] = "us-east-1",
    });

    /// <summary>A session at 2025-11-25 (the newest version with sessions), with the client handlers given.</summary>
    internal Task<McpClient> ConnectAsync(McpClientHandlers? handlers = null)
    {
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(Server.Http.BaseAddress!, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp },
            Server.Http,
            loggerFactory: null,
            ownsHttpClient: false);
        var options = InProcessServer.ClientOptions("2025-11-25");
        if (handlers is not null)
        {
            options.Handlers = handlers;
        }

        return McpClient.CreateAsync(transport, options);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _plugins.Dispose();
    }
}
