using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AwsMcp.Abstractions.Schema;
using AwsMcp.Host.Tests.Infrastructure;

namespace AwsMcp.Host.Tests.Lean;

/// <summary>
/// What every client puts into a model's context on every turn, as the product ships (the four packs, default
/// configuration, the real process): a size budget, not a time. Model-facing bytes are each tool's name, description
/// and input schema (compact JSON, UTF-8); on the wire, the whole <c>tools/list</c> answer.
/// </summary>
public sealed class ContextBudgetTests : IDisposable
{
    private const int ReadOnlyTools = 28;
    private const int MaxWireBytes = 25 * 1024;
    private const int MaxModelFacingBytes = 12 * 1024;
    private const int MaxTenItemPageBytes = 2 * 1024;

    private readonly PluginFolder _plugins = new PluginFolder()
        .WithProductPack("AwsMcp.Billing").WithProductPack("AwsMcp.Compute").WithProductPack("AwsMcp.Iam").WithProductPack("AwsMcp.Storage");

    [Fact(Timeout = 180_000)]
    public async Task The_default_tool_list_fits_the_budget_and_stays_copilot_safe()
    {
        await using var host = await HostProcess.StartHttpAsync(_plugins, "--sandbox");
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await http.SendAsync(request);
        var wire = await response.Content.ReadAsByteArrayAsync();
        using var document = JsonDocument.Parse(wire);
        var tools = document.RootElement.GetProperty("result").GetProperty("tools").EnumerateArray().ToList();

        Assert.Equal(ReadOnlyTools, tools.Count);
        var modelFacing = tools.Sum(tool =>
            Encoding.UTF8.GetByteCount(tool.GetProperty("name").GetString()!)
            + Encoding.UTF8.GetByteCount(tool.GetProperty("description").GetString()!)
            + JsonSerializer.SerializeToUtf8Bytes(tool.GetProperty("inputSchema")).Length);
        Assert.True(wire.Length <= MaxWireBytes, $"tools/list is {wire.Length} bytes on the wire, over the budget of {MaxWireBytes}");
        Assert.True(modelFacing <= MaxModelFacingBytes, $"tools/list puts {modelFacing} bytes into a model's context, over the budget of {MaxModelFacingBytes}");

        // Lean is still a schema strict clients accept, and still says how to call each tool.
        foreach (var tool in tools)
        {
            var name = tool.GetProperty("name").GetString();
            Assert.Empty(CopilotSchemaRules.Check(tool.GetProperty("inputSchema")));
            Assert.Empty(CopilotSchemaRules.Check(tool.GetProperty("outputSchema")));
            Assert.Contains("Use ", tool.GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.False(tool.GetProperty("inputSchema").GetProperty("properties").TryGetProperty("account", out _), $"{name} lists account without configured accounts");
        }
    }

    [Fact(Timeout = 180_000)]
    public async Task A_default_ten_item_page_is_compact_text()
    {
        await using var host = await HostProcess.StartHttpAsync(_plugins, "--sandbox");
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var response = await http.PostAsync(
            "/mcp/tools/call",
            new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"list_ec2_instances","arguments":{"limit":10}}}""", Encoding.UTF8, "application/json"));
        using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        var text = document.RootElement.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString()!;

        using var page = JsonDocument.Parse(text);
        Assert.Equal(10, page.RootElement.GetProperty("items").GetArrayLength());
        Assert.DoesNotContain("\\u0022", text, StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetByteCount(text);
        Assert.True(bytes < MaxTenItemPageBytes, $"a 10-instance page is {bytes} bytes of text, over the budget of {MaxTenItemPageBytes}");
    }

    public void Dispose() => _plugins.Dispose();
}
