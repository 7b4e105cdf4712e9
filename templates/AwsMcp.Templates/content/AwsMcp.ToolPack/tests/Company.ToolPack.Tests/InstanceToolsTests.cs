using System.Text.Json;
using AwsMcp.Abstractions.Schema;

namespace Company.ToolPack.Tests;

public sealed class InstanceToolsTests(ToolPackFixture fixture) : IClassFixture<ToolPackFixture>
{
    private const string ListInstances = "company_toolpack_list_instances";

    [Fact]
    public async Task Lists_the_sandbox_instances_page_by_page()
    {
        var first = await fixture.Pack.CallAsync(ListInstances, """{"limit":10}""");
        Assert.False(first.IsError, first.Text);
        var page = first.Structured!.Value;
        Assert.True(page.GetProperty("has_more").GetBoolean());

        var next = await fixture.Pack.CallAsync(ListInstances, $$"""{"limit":10,"next_token":"{{page.GetProperty("next_token").GetString()}}"}""");
        Assert.False(next.IsError, next.Text);
        var firstIds = Ids(page);
        Assert.Equal(10, firstIds.Count);
        Assert.NotEmpty(Ids(next.Structured!.Value));
        Assert.Empty(firstIds.Intersect(Ids(next.Structured!.Value)));
    }

    [Fact]
    public void The_schema_is_usable_from_copilot_studio_and_the_tool_is_documented()
    {
        var tool = fixture.Pack.Tools[ListInstances];

        using var schema = JsonDocument.Parse(tool.InputSchemaJson);
        Assert.Empty(CopilotSchemaRules.Check(schema.RootElement));
        Assert.StartsWith("Lists the EC2 instances", tool.Description, StringComparison.Ordinal);
        Assert.True(tool.Annotations.ReadOnly);
    }

    private static List<string> Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("instance_id").GetString()!)];
}
