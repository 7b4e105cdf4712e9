using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AwsMcp.Host.Tests.Infrastructure;
using AwsMcp.Host.ToolCalls;

namespace AwsMcp.Host.Tests;

/// <summary>The Python prototype's endpoints, driven with plain HTTP as its users do.</summary>
public sealed class PrototypeEndpointTests(EchoServerFixture fixture) : IClassFixture<EchoServerFixture>
{
    private HttpClient Http => fixture.Server.Http;

    [Fact]
    public async Task Get_root_is_the_health_document()
    {
        var health = await Http.GetFromJsonAsync<JsonElement>("/");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal("server running", health.GetProperty("mcp").GetString());
        Assert.Equal("awsmcp", health.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(health.GetProperty("version").GetString()));
        // What this caller may see (read-only by default), the same count as its tools/list.
        Assert.Equal((await Security.RawMcp.ToolNamesAsync(Http)).Count, health.GetProperty("tools").GetInt32());
    }

    [Fact]
    public async Task Manifest_lists_the_visible_tools_with_their_schemas()
    {
        var manifest = await Http.GetFromJsonAsync<JsonElement>("/mcp/manifest.json");

        Assert.Equal("awsmcp", manifest.GetProperty("name").GetString());
        Assert.True(manifest.TryGetProperty("description", out _));
        var tools = manifest.GetProperty("tools").EnumerateArray().ToList();
        var echo = tools.Single(t => t.GetProperty("name").GetString() == "echo");
        Assert.Equal("object", echo.GetProperty("inputSchema").GetProperty("type").GetString());
        Assert.DoesNotContain(tools, t => t.GetProperty("name").GetString() == "tag_thing");
    }

    [Fact]
    public async Task Tools_list_answers_plain_json_rpc()
    {
        using var response = await PostAsync("/mcp/tools/list", """{"jsonrpc":"2.0","id":"1","method":"tools/list"}""");

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("1", body.GetProperty("id").GetString());
        Assert.Contains(body.GetProperty("result").GetProperty("tools").EnumerateArray(), t => t.GetProperty("name").GetString() == "echo");
    }

    [Fact]
    public async Task Tools_call_runs_the_pipeline_and_answers_plain_json_rpc()
    {
        using var ok = await PostAsync("/mcp/tools/call", """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"echo","arguments":{"text":"proto"}}}""");
        using var invalid = await PostAsync("/mcp/tools/call", """{"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":"echo","arguments":{"text":5}}}""");
        using var unknown = await PostAsync("/mcp/tools/call", """{"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"nope"}}""");

        var result = (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result");
        Assert.Equal("application/json", ok.Content.Headers.ContentType!.MediaType);
        Assert.Equal("proto", result.GetProperty("structuredContent").GetProperty("echo").GetString());
        Assert.Equal("text", result.GetProperty("content")[0].GetProperty("type").GetString());
        var error = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result");
        Assert.True(error.GetProperty("isError").GetBoolean());
        Assert.Contains("text: expected a string", error.GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal(-32602, (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains(fixture.Server.Audit.Records, r => r.Channel == ToolCallChannel.PrototypeHttp && r.Arguments == """{"text":"proto"}""");
    }

    [Fact]
    public async Task Post_root_is_the_mcp_endpoint()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":"1","method":"initialize","params":{"protocolVersion":"2024-11-05","capabilities":{},"clientInfo":{"name":"mcs","version":"1.0.0"},"sessionContext":{}}}""",
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"protocolVersion\":\"2024-11-05\"", await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string json)
    {
        var response = await Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }
}
