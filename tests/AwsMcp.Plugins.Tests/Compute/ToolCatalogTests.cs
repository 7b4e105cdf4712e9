using AwsMcp.Plugins.Tests.Infrastructure;

namespace AwsMcp.Plugins.Tests.Compute;

/// <summary>What clients see of the Compute and Storage tool packs: names, titles, descriptions, annotations and the common arguments.</summary>
[Collection(SandboxCollection.Name)]
public sealed class ToolCatalogTests(SandboxHostFixture fixture)
{
    /// <summary>Tool name to (read-only, destructive, idempotent).</summary>
    private static readonly Dictionary<string, (bool ReadOnly, bool Destructive, bool Idempotent)> Expected = new(StringComparer.Ordinal)
    {
        ["list_ec2_instances"] = (true, false, true),
        ["describe_ec2_instance"] = (true, false, true),
        ["list_ec2_regions"] = (true, false, true),
        ["start_ec2_instances"] = (false, false, true),
        ["stop_ec2_instances"] = (false, false, true),
        ["reboot_ec2_instances"] = (false, false, false),
        ["create_ec2_instance"] = (false, false, true),
        ["terminate_ec2_instances"] = (false, true, true),
        ["list_lambda_functions"] = (true, false, true),
        ["get_lambda_function"] = (true, false, true),
        ["invoke_lambda_function"] = (false, false, false),
        ["list_log_groups"] = (true, false, true),
        ["list_log_streams"] = (true, false, true),
        ["filter_log_events"] = (true, false, true),
        ["query_logs_insights"] = (true, false, false),
        ["get_logs_insights_results"] = (true, false, true),
        ["get_metric_summary"] = (true, false, true),
        ["list_metrics"] = (true, false, true),
        ["list_alarms"] = (true, false, true),
        ["list_s3_buckets"] = (true, false, true),
        ["create_s3_bucket"] = (false, false, true),
        ["list_s3_objects"] = (true, false, true),
        ["get_s3_object_info"] = (true, false, true),
        ["read_s3_object_text"] = (true, false, true),
        ["get_s3_bucket_security"] = (true, false, true),
        ["delete_s3_bucket"] = (false, true, true),
    };

    /// <summary>List tools that ask many regions and accounts at once (<c>[AwsTarget(FanOut = true)]</c>): lists in place of region and account.</summary>
    private static readonly HashSet<string> FanOut = ["list_ec2_instances", "list_lambda_functions", "list_log_groups", "list_alarms"];

    private static readonly HashSet<string> LocatedInTheBucketsRegion =
        ["list_s3_objects", "get_s3_object_info", "read_s3_object_text", "get_s3_bucket_security", "delete_s3_bucket"];

    [Fact]
    public async Task EveryComputeAndStorageToolIsServedWithHonestAnnotations()
    {
        await using var client = await fixture.ConnectAsync(writes: true);

        var tools = (await client.ListToolsAsync()).ToDictionary(tool => tool.Name, tool => tool.ProtocolTool, StringComparer.Ordinal);

        Assert.All(Expected, expected =>
        {
            Assert.True(tools.TryGetValue(expected.Key, out var tool), $"{expected.Key} is not served");
            // Hints are sent only where they differ from MCP's defaults (read-only false, destructive true, idempotent
            // false, open-world true); destructive and idempotent mean something only for tools that are not read-only.
            var annotations = tool!.Annotations!;
            Assert.Equal(expected.Value.ReadOnly, annotations.ReadOnlyHint ?? false);
            if (!expected.Value.ReadOnly)
            {
                Assert.Equal(expected.Value.Destructive, annotations.DestructiveHint ?? true);
                Assert.Equal(expected.Value.Idempotent, annotations.IdempotentHint ?? false);
            }
            else
            {
                Assert.Null(annotations.DestructiveHint);
                Assert.Null(annotations.IdempotentHint);
            }

            Assert.True(annotations.OpenWorldHint ?? true);
            Assert.False(string.IsNullOrWhiteSpace(tool.Title));
            Assert.Contains("Use ", tool.Description, StringComparison.Ordinal);
            // A destructive tool first answers with a confirmation plan, so it declares no output schema.
            Assert.Equal(!expected.Value.Destructive, tool.OutputSchema is not null);
            Assert.Equal(expected.Value.Destructive, tool.InputSchema.GetProperty("properties").TryGetProperty("confirmation_token", out _));
            var properties = tool.InputSchema.GetProperty("properties");
            // Tools on one bucket act in the bucket's own region (their locator finds it), so the caller names none;
            // the region list is the same from every region.
            var fansOut = FanOut.Contains(expected.Key);
            Assert.Equal(!LocatedInTheBucketsRegion.Contains(expected.Key) && expected.Key != "list_ec2_regions", properties.TryGetProperty(fansOut ? "regions" : "region", out _));
            Assert.True(properties.TryGetProperty(fansOut ? "accounts" : "account", out _), $"{expected.Key} takes no account");
            Assert.False(properties.TryGetProperty(fansOut ? "region" : "regions", out _));
        });
    }

    [Fact]
    public async Task EveryListToolPagesTheSameWay()
    {
        await using var client = await fixture.ConnectAsync();

        var tools = await client.ListToolsAsync();

        var lists = tools.Where(tool => (tool.Name.StartsWith("list_", StringComparison.Ordinal) || tool.Name == "filter_log_events") && Expected.ContainsKey(tool.Name)).ToList();
        Assert.Equal(10, lists.Count);
        Assert.All(lists, tool =>
        {
            var input = tool.ProtocolTool.InputSchema.GetProperty("properties");
            var output = tool.ProtocolTool.OutputSchema!.Value.GetProperty("properties");
            Assert.Equal(50, input.GetProperty("limit").GetProperty("default").GetInt32());
            Assert.Equal(200, input.GetProperty("limit").GetProperty("maximum").GetInt32());
            Assert.True(input.TryGetProperty("next_token", out _));
            Assert.True(input.TryGetProperty("detail", out _) || tool.Name is "list_ec2_regions" or "filter_log_events" or "list_metrics" or "list_alarms");
            Assert.True(output.TryGetProperty("items", out _));
            Assert.True(output.TryGetProperty("next_token", out _));
            Assert.True(output.TryGetProperty("has_more", out _));
        });
    }
}
