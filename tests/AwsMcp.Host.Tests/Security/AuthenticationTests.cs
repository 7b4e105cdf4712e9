using System.Net;
using System.Text.Json;
using AwsMcp.Host.Tests.Infrastructure;
using AwsMcp.Host.ToolCalls;

namespace AwsMcp.Host.Tests.Security;

/// <summary>HTTP callers authenticate with an API key or a JWT; their scopes pick the tools they see and may call.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private readonly PluginFolder _plugins = new PluginFolder().WithEcho();
    private InProcessServer _server = null!;

    public async Task InitializeAsync() => _server = await InProcessServer.StartAsync(_plugins, TestCallers.Settings(), TestCallers.TrustLocalIssuer);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _plugins.Dispose();
    }

    [Fact]
    public async Task Unauthenticated_mcp_requests_get_401_with_resource_metadata_while_health_stays_open()
    {
        using var list = await _server.Http.SendAsync(RawMcp.Request("tools/list"));
        using var prototype = await _server.Http.PostAsync("/mcp/tools/list", new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}"""));
        using var health = await _server.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Contains("resource_metadata=\"http://localhost/.well-known/oauth-protected-resource/mcp\"", list.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, prototype.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Protected_resource_metadata_names_the_authorization_server_and_scopes()
    {
        using var document = JsonDocument.Parse(await _server.Http.GetStringAsync("/.well-known/oauth-protected-resource/mcp"));

        Assert.Equal(TestCallers.Issuer, document.RootElement.GetProperty("authorization_servers")[0].GetString());
        Assert.Equal(TestCallers.RequiredScope, document.RootElement.GetProperty("scopes_supported")[0].GetString());
    }

    [Fact]
    public async Task An_api_key_authenticates_as_bearer_or_in_its_header_and_a_wrong_key_is_refused()
    {
        await using var client = await _server.ConnectAsync("2025-06-18", headers: new Dictionary<string, string> { ["X-Api-Key"] = TestCallers.OpsKey });
        var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["text"] = "hi" });
        using var wrong = await _server.Http.SendAsync(RawMcp.Request("tools/list", bearer: "not-a-key"));

        Assert.Contains("tag_thing", await RawMcp.ToolNamesAsync(_server.Http, TestCallers.OpsKey));
        Assert.NotEqual(true, result.IsError);
        var record = _server.Audit.Records.Last(r => r.Tool == "echo");
        Assert.Equal(("ops", "api-key"), (record.CallerId, record.CallerAuthentication));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task A_jwt_for_this_audience_with_the_scope_is_accepted_and_others_are_refused()
    {
        var valid = TestCallers.Token("user-1", TestCallers.RequiredScope);
        await using var client = await _server.ConnectAsync("2025-06-18", headers: new Dictionary<string, string> { ["Authorization"] = $"Bearer {valid}" });
        var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["text"] = "jwt" });
        using var otherAudience = await _server.Http.SendAsync(RawMcp.Request("tools/list", bearer: TestCallers.Token("user-1", TestCallers.RequiredScope, audience: "api://other")));
        using var foreignSigner = await _server.Http.SendAsync(RawMcp.Request("tools/list", bearer: TestCallers.Token("user-1", TestCallers.RequiredScope, key: TestCallers.ForeignKey())));
        using var noScope = await _server.Http.SendAsync(RawMcp.Request("tools/list", bearer: TestCallers.Token("user-1", "profile")));

        Assert.NotEqual(true, result.IsError);
        var record = _server.Audit.Records.Last(r => r.Tool == "echo" && r.CallerId == "user-1");
        Assert.Equal(("jwt", "USER-1"), (record.CallerAuthentication, record.CallerName));
        Assert.Equal(HttpStatusCode.Unauthorized, otherAudience.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, foreignSigner.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noScope.StatusCode);
    }

    [Fact]
    public async Task A_scope_sees_and_calls_only_its_tool_set()
    {
        var finops = await RawMcp.ToolNamesAsync(_server.Http, TestCallers.FinOpsKey);
        using var call = await _server.Http.SendAsync(RawMcp.Request(
            "tools/call", new { name = "tag_thing", arguments = new { thing_id = "t-1" } }, bearer: TestCallers.FinOpsKey));
        var result = await RawMcp.ResultAsync(call);

        Assert.Equal(["describe_things", "echo"], finops.Order());
        Assert.True(result.GetProperty("isError").GetBoolean());
        Assert.Contains("not in the tool set of your scopes (finops)", result.GetProperty("content")[0].GetProperty("text").GetString());
        var refused = _server.Audit.Records.Last(r => r.Tool == "tag_thing" && r.CallerId == "finops");
        Assert.Equal((false, "scope", ToolCallOutcome.Refused), (refused.Allowed, refused.PolicyRule, refused.Outcome));
    }
}
