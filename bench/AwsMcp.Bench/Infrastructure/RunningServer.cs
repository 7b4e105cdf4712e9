using AwsMcp.Bench.Tools;
using AwsMcp.Host.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AwsMcp.Bench.Infrastructure;

/// <summary>A started MCP server (ours or the SDK's reference style) and an HTTP client that reaches it.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningServer(WebApplication app, HttpClient http, Uri endpoint)
    {
        _app = app;
        Http = http;
        Endpoint = endpoint;
    }

    public HttpClient Http { get; }

    public Uri Endpoint { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Our host, exactly as <c>awsmcp serve</c> builds it (plugins, the full tool-call pipeline, audit), with logging
    /// providers removed so that console I/O is not what gets measured (audit records are still built and written to
    /// the log sink), and without the per-caller rate limit, which would refuse a benchmark's call rate.
    /// </summary>
    public static Task<RunningServer> StartAwsMcpAsync(IReadOnlyDictionary<string, string?> settings, BenchTransport transport)
    {
        var overrides = new Dictionary<string, string?>(settings)
        {
            ["AwsMcp:Http:Urls"] = "http://127.0.0.1:0",
            ["AwsMcp:Http:RateLimitPerMinute"] = "0",
        };
        var app = HostFactory.CreateHttp(overrides, builder =>
        {
            builder.Logging.ClearProviders();
            if (transport == BenchTransport.InProcess)
            {
                builder.WebHost.UseTestServer();
            }
        });
        return StartAsync(app, transport);
    }

    /// <summary>The MCP SDK's own style: <c>[McpServerTool]</c> methods bound by reflection with <c>WithTools&lt;T&gt;()</c>.</summary>
    public static Task<RunningServer> StartSdkReflectionAsync(BenchTransport transport)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        if (transport == BenchTransport.InProcess)
        {
            builder.WebHost.UseTestServer();
        }

        builder.Services.AddMcpServer(options => options.ServerInfo = new Implementation { Name = "sdk-reflection", Version = "1.0.0" })
            .WithHttpTransport(options => options.SessionMode = HttpServerSessionMode.Stateless)
            .WithTools<BenchEchoTools>();
        var app = builder.Build();
        app.MapMcp("/mcp");
        return StartAsync(app, transport);
    }

    public Task<McpClient> ConnectAsync() => BenchClient.ConnectAsync(Http, Endpoint);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task<RunningServer> StartAsync(WebApplication app, BenchTransport transport)
    {
        await app.StartAsync();
        if (transport == BenchTransport.InProcess)
        {
            var http = app.GetTestClient();
            return new RunningServer(app, http, new Uri(http.BaseAddress!, "/mcp"));
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new RunningServer(app, new HttpClient(), new Uri(new Uri(address), "/mcp"));
    }
}
