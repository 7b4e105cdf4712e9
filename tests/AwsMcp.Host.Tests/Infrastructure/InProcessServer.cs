using AwsMcp.Host.Hosting;
using AwsMcp.Host.ToolCalls.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AwsMcp.Host.Tests.Infrastructure;

/// <summary>The real HTTP host on an in-memory TestServer, with audit records and log lines captured.</summary>
internal sealed class InProcessServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessServer(WebApplication app, CapturingAuditSink audit, CapturingLoggerProvider logs)
    {
        _app = app;
        Audit = audit;
        Logs = logs;
        Http = app.GetTestClient();
    }

    public CapturingAuditSink Audit { get; }

    public CapturingLoggerProvider Logs { get; }

    /// <summary>A client for the in-memory server (base address http://localhost/).</summary>
    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public T Service<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public static async Task<InProcessServer> StartAsync(
        PluginFolder plugins, IReadOnlyDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? customize = null)
    {
        var overrides = plugins.HostSettings();
        overrides["AwsMcp:Plugins:ReloadDelayMilliseconds"] = "150";
        overrides["Logging:LogLevel:Default"] = "Debug";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var audit = new CapturingAuditSink();
        var logs = new CapturingLoggerProvider();
        var app = HostFactory.CreateHttp(overrides, builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Services.AddSingleton<IAuditSink>(audit);
            builder.Logging.AddProvider(logs);
            customize?.Invoke(builder);
        });
        await app.StartAsync();
        return new InProcessServer(app, audit, logs);
    }

    /// <summary>Connects the SDK's client over Streamable HTTP; a null version lets the client negotiate (2026-07-28).</summary>
    public Task<McpClient> ConnectAsync(string? protocolVersion, Action? onToolListChanged = null, IDictionary<string, string>? headers = null)
    {
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions
            {
                Endpoint = new Uri(Http.BaseAddress!, "/mcp"),
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = headers,
            },
            Http,
            loggerFactory: null,
            ownsHttpClient: false);
        return McpClient.CreateAsync(transport, ClientOptions(protocolVersion, onToolListChanged));
    }

    public static McpClientOptions ClientOptions(string? protocolVersion, Action? onToolListChanged = null) => new()
    {
        ClientInfo = new Implementation { Name = "awsmcp-host-tests", Version = "1.0" },
        ProtocolVersion = protocolVersion,
        Handlers = new McpClientHandlers
        {
            NotificationHandlers =
            [
                new(NotificationMethods.ToolListChangedNotification, (_, _) =>
                {
                    onToolListChanged?.Invoke();
                    return ValueTask.CompletedTask;
                }),
            ],
        },
    };

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
