using System.Text.Json;
using AwsMcp.Abstractions.Schema;

namespace Company.ToolPack.Tests;

public sealed class InstanceToolsTests(SandboxToolPack pack) : IClassFixture<SandboxToolPack>
{
    private const string CountInstances = "company_toolpack_count_instances";

    [Fact]
    public async Task Counts_the_sandbox_instances_by_state()
    {
        var result = await pack.CallAsync(CountInstances);

        Assert.False(result.IsError, result.Text);
        var counts = result.Structured!.Value;
        var byState = counts.GetProperty("by_state").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.True(byState["running"] > 0);
        Assert.Equal(byState.Values.Sum(), counts.GetProperty("total").GetInt32());
    }

    [Fact]
    public void The_schema_is_usable_from_copilot_studio_and_the_tool_is_documented()
    {
        var tool = pack.Tools[CountInstances];

        using var schema = JsonDocument.Parse(tool.InputSchemaJson);
        Assert.Empty(CopilotSchemaRules.Check(schema.RootElement));
        Assert.StartsWith("Counts the EC2 instances", tool.Description, StringComparison.Ordinal);
        Assert.True(tool.Annotations.ReadOnly);
    }
}
