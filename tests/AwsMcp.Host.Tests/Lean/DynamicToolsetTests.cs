using AwsMcp.Host.Tests.Infrastructure;
using AwsMcp.Host.Tests.Security;

namespace AwsMcp.Host.Tests.Lean;

/// <summary>
/// Dynamic toolsets: a caller starts with two tools, enables what it needs, and then sees and may call just that;
/// a stateful client is told its list changed, a stateless one sees it on its next tools/list.
/// </summary>
public sealed class DynamicToolsetTests
{
    [Fact]
    public async Task A_stateful_client_enables_a_toolset_is_notified_and_can_then_call_its_tools()
    {
        using var plugins = new PluginFolder().WithEcho();
        await using var server = await InProcessServer.StartAsync(plugins, new Dictionary<string, string?>
        {
            ["AwsMcp:Tools:DynamicToolsets"] = "true",
            ["AwsMcp:Mcp:SessionMode"] = "Stateful",
        });
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = await server.ConnectAsync("2025-06-18", () => changed.TrySetResult());

        Assert.Equal(["enable_toolset", "list_toolsets"], (await client.ListToolsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal));
        var toolsets = (await client.CallToolAsync("list_toolsets")).StructuredContent!.Value.GetProperty("toolsets");
        var echo = Assert.Single(toolsets.EnumerateArray());
        Assert.Equal("echo", echo.GetProperty("name").GetString());
        Assert.False(echo.GetProperty("enabled").GetBoolean());
        var notYet = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["text"] = "too early" });
        Assert.True(notYet.IsError);
        Assert.Contains("enable_toolset", McpOverHttpTests.Text(notYet), StringComparison.Ordinal);

        var enabled = await client.CallToolAsync("enable_toolset", new Dictionary<string, object?> { ["toolset"] = "echo" });
        Assert.NotEqual(true, enabled.IsError);
        await changed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var names = (await client.ListToolsAsync()).Select(t => t.Name).ToList();
        Assert.Contains("echo", names);
        Assert.Contains("list_toolsets", names);
        Assert.NotEqual(true, (await client.CallToolAsync("echo", new Dictionary<string, object?> { ["text"] = "now" })).IsError);
        Assert.Contains(server.Audit.Records, r => r.Tool == "echo" && r.PolicyRule == "toolset-not-enabled");
    }

    [Fact]
    public async Task A_stateless_caller_sees_its_enabled_toolsets_on_its_next_list_and_others_do_not()
    {
        using var plugins = new PluginFolder().WithEcho();
        var settings = TestCallers.Settings();
        settings["AwsMcp:Tools:DynamicToolsets"] = "true";
        await using var server = await InProcessServer.StartAsync(plugins, settings, TestCallers.TrustLocalIssuer);

        Assert.Equal(2, (await RawMcp.ToolNamesAsync(server.Http, TestCallers.OpsKey)).Count);
        using (var enable = await server.Http.SendAsync(RawMcp.Request("tools/call", new { name = "enable_toolset", arguments = new { toolset = "echo" } }, TestCallers.OpsKey)))
        {
            var result = await RawMcp.ResultAsync(enable);
            Assert.False(result.TryGetProperty("isError", out var isError) && isError.GetBoolean());
            Assert.Contains("echo", result.GetProperty("structuredContent").GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        }

        Assert.Contains("echo", await RawMcp.ToolNamesAsync(server.Http, TestCallers.OpsKey));
        Assert.DoesNotContain("echo", await RawMcp.ToolNamesAsync(server.Http, TestCallers.FinOpsKey));

        using var unknown = await server.Http.SendAsync(RawMcp.Request("tools/call", new { name = "enable_toolset", arguments = new { toolset = "nope" } }, TestCallers.OpsKey));
        var refused = await RawMcp.ResultAsync(unknown);
        Assert.True(refused.GetProperty("isError").GetBoolean());
        Assert.Contains("toolset", refused.GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}
