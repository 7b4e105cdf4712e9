using AwsMcp.Plugins.Tests.Infrastructure;

namespace AwsMcp.Plugins.Tests.Governance;

/// <summary>The real packs declare their toolsets; an operator serves a choice of them and the rest is neither listed nor callable.</summary>
[Collection(SandboxCollection.Name)]
public sealed class ToolsetTests(SandboxHostFixture fixture)
{
    [Fact]
    public async Task Serving_chosen_toolsets_lists_and_runs_only_their_tools()
    {
        var (host, plugins) = await fixture.StartOwnHostAsync("toolsets", new Dictionary<string, string?>
        {
            ["AwsMcp:Tools:Toolsets:0"] = "s3",
            ["AwsMcp:Tools:Toolsets:1"] = "cost",
            ["AwsMcp:Tools:WritesEnabled"] = "false",
        });
        await using (host)
        using (plugins)
        await using (var client = await host.ConnectAsync("2025-06-18"))
        {
            var names = (await client.ListToolsAsync()).Select(tool => tool.Name).Order(StringComparer.Ordinal).ToList();
            var refused = await client.CallErrorAsync("list_ec2_instances");

            Assert.Equal(
                ["compare_costs", "get_cost_by_service", "get_cost_forecast", "get_estimated_cost", "get_s3_bucket_security", "get_s3_object_info", "list_s3_buckets", "list_s3_objects", "read_s3_object_text"],
                names);
            Assert.Contains("toolset 'ec2'", refused, StringComparison.Ordinal);
            Assert.True((await client.CallJsonAsync("list_s3_buckets")).GetProperty("items").GetArrayLength() > 0);
        }
    }
}
