using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using AwsMcp.Host.Tests.Infrastructure;
using ModelContextProtocol.Client;

namespace AwsMcp.Host.Tests;

/// <summary>The published shape: the real <c>awsmcp</c> process over loopback HTTP and over stdio.</summary>
public sealed class RealProcessTests : IDisposable
{
    private readonly PluginFolder _plugins = new PluginFolder().WithEcho();

    [Fact(Timeout = 180_000)]
    public async Task Serves_mcp_and_health_over_loopback_http_in_sandbox_mode()
    {
        await using var host = await HostProcess.StartHttpAsync(_plugins, "--sandbox");
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var health = await http.GetFromJsonAsync<JsonElement>("/");
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(host.BaseAddress, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp }, http, loggerFactory: null, ownsHttpClient: false);
        await using var client = await McpClient.CreateAsync(transport, InProcessServer.ClientOptions("2024-11-05"));
        Assert.Equal("2024-11-05", client.NegotiatedProtocolVersion);

        // The root counts what this caller may see (read-only by default), the same as its tools/list.
        Assert.Equal((await client.ListToolsAsync()).Count, health.GetProperty("tools").GetInt32());
        var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["text"] = "over tcp" });
        Assert.Equal("over tcp", result.StructuredContent!.Value.GetProperty("echo").GetString());
        Assert.Contains(host.Output, line => line.Contains("SANDBOX MODE", StringComparison.Ordinal));
    }

    [Fact(Timeout = 180_000)]
    public async Task Serves_mcp_over_stdio_with_every_log_line_on_stderr()
    {
        var stderr = new ConcurrentQueue<string>();
        var transport = HostProcess.Stdio(_plugins, stderr.Enqueue);

        await using (var client = await McpClient.CreateAsync(transport, InProcessServer.ClientOptions("2025-06-18")))
        {
            Assert.Equal("2025-06-18", client.NegotiatedProtocolVersion);
            Assert.Contains("echo", (await client.ListToolsAsync()).Select(t => t.Name));
            var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["text"] = "over stdio" });
            Assert.Equal("over stdio", result.StructuredContent!.Value.GetProperty("echo").GetString());
        }

        // The protocol stream stayed clean (the client parsed every message) and the logs went to stderr; the call is
        // in the durable audit file, not in a log line per call.
        Assert.Contains(stderr, line => line.Contains("Plugin Echo loaded", StringComparison.Ordinal));
        Assert.DoesNotContain(stderr, line => line.Contains("Audit", StringComparison.Ordinal) && line.Contains("echo", StringComparison.Ordinal));
        var audit = File.ReadAllText(Assert.Single(Directory.GetFiles(_plugins.AuditPath, "*.jsonl")));
        Assert.Contains("\"tool\":\"echo\"", audit, StringComparison.Ordinal);
    }

    public void Dispose() => _plugins.Dispose();
}
