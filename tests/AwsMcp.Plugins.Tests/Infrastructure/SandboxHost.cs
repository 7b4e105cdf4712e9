using AwsMcp.Host.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AwsMcp.Plugins.Tests.Infrastructure;

/// <summary>One real AwsMcp HTTP host on an in-memory TestServer, serving the copied tool packs.</summary>
internal sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private SandboxHost(WebApplication app)
    {
        _app = app;
        _http = app.GetTestClient();
    }

    public IServiceProvider Services => _app.Services;

    public static async Task<SandboxHost> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var app = HostFactory.CreateHttp(settings, builder => builder.WebHost.UseTestServer());
        await app.StartAsync();
        return new SandboxHost(app);
    }

    public Task<McpClient> ConnectAsync(string protocolVersion)
    {
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(_http.BaseAddress!, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp },
            _http,
            loggerFactory: null,
            ownsHttpClient: false);
        return McpClient.CreateAsync(transport, new McpClientOptions
        {
            ClientInfo = new Implementation { Name = "awsmcp-plugin-tests", Version = "1.0" },
            ProtocolVersion = protocolVersion,
        });
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
