using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AwsMcp.Host.Tests.Infrastructure;

namespace AwsMcp.Host.Tests.Hardening;

/// <summary>
/// Handshakes the SDK alone would fail on, over HTTP in every session mode: the prototype's bare initialize, a client
/// newer than the server, and a session id the server does not hold (404, so the client initialises again).
/// </summary>
public sealed class ProtocolEdgeTests
{
    [Theory]
    [InlineData("Stateless")]
    [InlineData("Stateful")]
    public async Task A_bare_initialize_and_one_asking_for_a_newer_version_get_the_newest_version_the_server_has(string mode)
    {
        using var plugins = new PluginFolder().WithEcho();
        await using var server = await InProcessServer.StartAsync(plugins, new Dictionary<string, string?> { ["AwsMcp:Mcp:SessionMode"] = mode });

        foreach (var body in new[]
        {
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}""",
            """{"jsonrpc":"2.0","id":1,"method":"initialize"}""",
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2099-01-01","capabilities":{},"clientInfo":{"name":"future","version":"9"}}}""",
        })
        {
            var (status, answer, _) = await PostAsync(server, body);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("2025-11-25", answer.GetProperty("result").GetProperty("protocolVersion").GetString());
        }

        // A version the server has is still echoed.
        var (_, echoed, _) = await PostAsync(server, """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"c","version":"1"}}}""");
        Assert.Equal("2025-06-18", echoed.GetProperty("result").GetProperty("protocolVersion").GetString());
    }

    [Theory]
    [InlineData("Stateless")]
    [InlineData("Stateful")]
    public async Task A_session_id_the_server_does_not_hold_gets_404_and_initialising_again_works(string mode)
    {
        using var plugins = new PluginFolder().WithEcho();
        await using var server = await InProcessServer.StartAsync(plugins, new Dictionary<string, string?> { ["AwsMcp:Mcp:SessionMode"] = mode });

        var (status, answer, _) = await PostAsync(server, """{"jsonrpc":"2.0","id":5,"method":"tools/list"}""", "stale-session-4711");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(-32001, answer.GetProperty("error").GetProperty("code").GetInt32());

        var (again, initialized, session) = await PostAsync(server, """{"jsonrpc":"2.0","id":6,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"c","version":"1"}}}""");
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.True(initialized.TryGetProperty("result", out _));
        Assert.Equal(mode == "Stateful", session is not null);
    }

    [Theory]
    [InlineData("Stateless")]
    [InlineData("StatefulForInitializeClients")]
    public async Task An_initialize_whose_header_names_the_newer_version_it_asks_for_gets_the_newest_version_the_server_has(string mode)
    {
        using var plugins = new PluginFolder().WithEcho();
        await using var server = await InProcessServer.StartAsync(plugins, new Dictionary<string, string?> { ["AwsMcp:Mcp:SessionMode"] = mode });

        // Once the body asks for a version the server speaks, a header still naming the newer one would contradict it.
        var (status, answer, _) = await PostAsync(
            server,
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2099-01-01","capabilities":{},"clientInfo":{"name":"future","version":"9"}}}""",
            version: "2099-01-01");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2025-11-25", answer.GetProperty("result").GetProperty("protocolVersion").GetString());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Answer, string? Session)> PostAsync(
        InProcessServer server, string body, string? session = null, string? version = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (session is not null)
        {
            request.Headers.Add("Mcp-Session-Id", session);
        }

        if (version is not null)
        {
            request.Headers.Add("MCP-Protocol-Version", version);
        }

        using var response = await server.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrEmpty(text), $"{(int)response.StatusCode} with an empty body");
        var json = text.StartsWith('{') ? text : text.Split('\n').Single(l => l.StartsWith("data: ", StringComparison.Ordinal))["data: ".Length..];
        using var document = JsonDocument.Parse(json);
        return (response.StatusCode, document.RootElement.Clone(), response.Headers.TryGetValues("Mcp-Session-Id", out var ids) ? ids.Single() : null);
    }
}
