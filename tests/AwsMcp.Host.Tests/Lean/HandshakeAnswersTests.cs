using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcp.Host.Tests.Infrastructure;

namespace AwsMcp.Host.Tests.Lean;

/// <summary>
/// The stateless handshake the host answers without the SDK (<c>Mcp/Http/HandshakeAnswers</c>) says exactly what the
/// SDK says, for every protocol version and the requests the host settles; what it leaves to the SDK gets the SDK's
/// answer, and a notification is accepted the same way.
/// </summary>
public sealed class HandshakeAnswersTests : IAsyncLifetime
{
    private readonly PluginFolder _plugins = new PluginFolder().WithEcho();
    private InProcessServer _host = null!;
    private InProcessServer _sdk = null!;

    public static TheoryData<string> Initializes => new()
    {
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2024-11-05","capabilities":{},"clientInfo":{"name":"c","version":"1"}}}""",
        """{"jsonrpc":"2.0","id":"a","method":"initialize","params":{"protocolVersion":"2025-03-26","capabilities":{"roots":{"listChanged":true}},"clientInfo":{"name":"c","version":"1"}}}""",
        """{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{"elicitation":{}},"clientInfo":{"name":"c","version":"1"}}}""",
        """{"jsonrpc":"2.0","id":3,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"c","version":"1","title":"C"}}}""",
        // Settled first: a newer version than this server speaks, and a bare handshake.
        """{"jsonrpc":"2.0","id":4,"method":"initialize","params":{"protocolVersion":"2099-01-01","capabilities":{},"clientInfo":{"name":"c","version":"1"}}}""",
        """{"jsonrpc":"2.0","id":5,"method":"initialize","params":{}}""",
        """{"jsonrpc":"2.0","id":6,"method":"initialize"}""",
        // Left to the SDK to negotiate: a version it does not know.
        """{"jsonrpc":"2.0","id":7,"method":"initialize","params":{"protocolVersion":"2024-01-01","capabilities":{},"clientInfo":{"name":"c","version":"1"}}}""",
    };

    /// <summary>(an initialize the SDK cannot bind, the JSON-RPC error code, words the message must say).</summary>
    public static TheoryData<string, int, string> Unbindable => new()
    {
        { """{"jsonrpc":"2.0","id":8,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"version":"1"}}}""", -32602, "'name'" },
        { """{"jsonrpc":"2.0","id":9,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{"roots":5},"clientInfo":{"name":"c","version":"1"}}}""", -32602, "$.capabilities.roots" },
        { """{"jsonrpc":"2.0","id":10,"method":"initialize","params":{"protocolVersion":"2025-06-18","protocolVersion":"2024-11-05","capabilities":{},"clientInfo":{"name":"c","version":"1"}}}""", -32600, "'params.protocolVersion' is given more than once" },
        { """{"jsonrpc":"2.0","id":10,"id":11,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"c","version":"1"}}}""", -32600, "'id' is given more than once" },
    };

    public async Task InitializeAsync()
    {
        _host = await InProcessServer.StartAsync(_plugins);
        _sdk = await InProcessServer.StartAsync(_plugins, new Dictionary<string, string?> { ["AwsMcp:Mcp:FastPath"] = "false" });
    }

    [Theory]
    [MemberData(nameof(Initializes))]
    public async Task An_initialize_is_answered_as_the_sdk_answers_it(string body)
    {
        foreach (var sse in new[] { true, false })
        {
            var (hostStatus, hostAnswer) = await PostAsync(_host, body, sse);
            var (sdkStatus, sdkAnswer) = await PostAsync(_sdk, body, sse);

            Assert.Equal(sdkStatus, hostStatus);
            Assert.True(JsonNode.DeepEquals(sdkAnswer, hostAnswer), $"host: {hostAnswer?.ToJsonString()}{Environment.NewLine}SDK: {sdkAnswer?.ToJsonString()}");
        }
    }

    [Theory]
    [MemberData(nameof(Unbindable))]
    public async Task An_initialize_the_sdk_cannot_bind_is_refused_naming_the_field_stateless_or_not(string body, int code, string words)
    {
        foreach (var server in new[] { _host, _sdk })
        {
            var (status, answer) = await PostAsync(server, body, sse: true);

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(code, answer!["error"]!["code"]!.GetValue<int>());
            Assert.Contains(words, answer["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"id":2,"method":5}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"ping","method":"ping"}""")]
    public async Task A_repeated_property_outside_an_initialize_is_answered_as_the_sdk_answers_it(string body)
    {
        var (hostStatus, hostAnswer) = await PostAsync(_host, body, sse: true);
        var (sdkStatus, sdkAnswer) = await PostAsync(_sdk, body, sse: true);

        Assert.Equal(sdkStatus, hostStatus);
        Assert.True(JsonNode.DeepEquals(sdkAnswer, hostAnswer), $"host: {hostAnswer?.ToJsonString()}{Environment.NewLine}SDK: {sdkAnswer?.ToJsonString()}");
    }

    [Fact]
    public async Task The_first_answers_are_the_hosts_and_say_which_version_they_speak()
    {
        var (status, answer) = await PostAsync(_host, """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"c","version":"1"}}}""", sse: true);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2025-06-18", answer!["result"]!["protocolVersion"]!.GetValue<string>());
        Assert.Equal("awsmcp", answer["result"]!["serverInfo"]!["name"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(answer["result"]!["instructions"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","method":"notifications/initialized"}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":1,"reason":"gone"}}""")]
    public async Task A_notification_is_accepted_as_the_sdk_accepts_it(string body)
    {
        var (hostStatus, hostAnswer) = await PostAsync(_host, body, sse: true);
        var (sdkStatus, sdkAnswer) = await PostAsync(_sdk, body, sse: true);

        Assert.Equal(HttpStatusCode.Accepted, sdkStatus);
        Assert.Equal(sdkStatus, hostStatus);
        Assert.Null(sdkAnswer);
        Assert.Null(hostAnswer);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _sdk.DisposeAsync();
        _plugins.Dispose();
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Answer)> PostAsync(InProcessServer server, string body, bool sse)
    {
        var (status, message) = await RawPost.SendAsync(server, "/mcp", body, sse);
        return (status, message is null ? null : JsonNode.Parse(message, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = true }));
    }
}
