using AwsMcp.Host.Tests.Infrastructure;

namespace AwsMcp.Host.Tests;

/// <summary>Policy configuration: writes enabled, and allow/deny globs.</summary>
public sealed class WritesEnabledTests
{
    [Fact]
    public async Task With_writes_enabled_mutating_tools_are_listed_and_run_and_deny_globs_still_hide_tools()
    {
        using var plugins = new PluginFolder().WithEcho();
        await using var server = await InProcessServer.StartAsync(plugins, new Dictionary<string, string?>
        {
            ["AwsMcp:Tools:WritesEnabled"] = "true",
            ["AwsMcp:Tools:Deny:0"] = "delete_*",
        });
        await using var client = await server.ConnectAsync("2024-11-05");

        var tools = (await client.ListToolsAsync()).Select(t => t.Name).ToList();
        Assert.Contains("tag_thing", tools);
        Assert.DoesNotContain("delete_thing", tools);
        var tagged = await client.CallToolAsync("tag_thing", new Dictionary<string, object?> { ["thing_id"] = "t-1" });
        Assert.Equal("tagged t-1", McpOverHttpTests.Text(tagged));
        var deleted = await client.CallToolAsync("delete_thing", new Dictionary<string, object?> { ["thing_id"] = "t-1" });
        Assert.True(deleted.IsError);
        Assert.Contains("AwsMcp:Tools:Deny", McpOverHttpTests.Text(deleted));
    }

    [Fact]
    public async Task An_allow_list_serves_only_matching_tools()
    {
        using var plugins = new PluginFolder().WithEcho();
        await using var server = await InProcessServer.StartAsync(plugins, new Dictionary<string, string?> { ["AwsMcp:Tools:Allow:0"] = "ech?" });
        await using var client = await server.ConnectAsync("2025-06-18");

        Assert.Equal(["echo"], (await client.ListToolsAsync()).Select(t => t.Name));
    }
}
