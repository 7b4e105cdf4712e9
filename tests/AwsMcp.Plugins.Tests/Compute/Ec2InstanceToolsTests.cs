using System.Text.Json;
using AwsMcp.Plugins.Tests.Infrastructure;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Plugins.Tests.Compute;

/// <summary>
/// list_ec2_instances, describe_ec2_instance and list_ec2_regions against the seeded estate (15 instances in
/// us-east-1, 5 in eu-west-1, 3 in ap-southeast-2). Tests that change instances work in other regions or on their own.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class Ec2InstanceToolsTests(SandboxHostFixture fixture)
{
    [Theory]
    [InlineData("us-east-1", 15, 6, 3)]
    [InlineData("eu-west-1", 5, 2, 3)]
    public async Task ListEc2InstancesPagesThroughEverySeededInstanceOfARegion(string region, int expected, int limit, int expectedPages)
    {
        await using var client = await fixture.ConnectAsync();

        var (items, pages) = await client.CallAllPagesAsync("list_ec2_instances", new Dictionary<string, object?> { ["limit"] = limit, ["region"] = region });

        var ids = items.Strings("instance_id");
        Assert.Equal(expected, ids.Count);
        Assert.Equal(expected, ids.Distinct().Count());
        Assert.Equal(expectedPages, pages);
        Assert.All(items, item => Assert.False(item.TryGetProperty("details", out _)));
    }

    [Fact]
    public async Task ListEc2InstancesFiltersByStateTagAndId()
    {
        await using var client = await fixture.ConnectAsync();

        var stopped = await client.CallJsonAsync("list_ec2_instances", new { states = new[] { "stopped" } });
        var dev = await client.CallJsonAsync("list_ec2_instances", new { tags = new Dictionary<string, string> { ["Environment"] = "dev" } });
        var web = await client.CallJsonAsync("list_ec2_instances", new { tags = new Dictionary<string, string> { ["Name"] = "web-prod-*" } });
        var pair = web.GetProperty("items").EnumerateArray().Take(2).Select(item => item.GetProperty("instance_id").GetString()).ToArray();
        var byId = await client.CallJsonAsync("list_ec2_instances", new { instance_ids = pair, limit = 1 });

        Assert.Equal(["dev-alice", "dev-bob", "worker-prod-2"], Names(stopped).Order());
        Assert.Equal(["dev-alice", "dev-bob"], Names(dev).Order());
        Assert.Equal(3, Names(web).Count);
        Assert.Single(byId.GetProperty("items").EnumerateArray());
        Assert.True(byId.GetProperty("has_more").GetBoolean());
    }

    [Fact]
    public async Task ListEc2InstancesShowsTheCompactProjectionAndFullRecordsOnRequest()
    {
        await using var client = await fixture.ConnectAsync();

        var compact = await client.CallJsonAsync("list_ec2_instances", new { tags = new Dictionary<string, string> { ["Name"] = "web-prod-1" } });
        var full = await client.CallJsonAsync("list_ec2_instances", new { tags = new Dictionary<string, string> { ["Name"] = "web-prod-1" }, detail = true });

        var instance = Assert.Single(compact.GetProperty("items").EnumerateArray());
        Assert.Equal("t3.medium", instance.GetProperty("instance_type").GetString());
        Assert.Equal("running", instance.GetProperty("state").GetString());
        Assert.False(instance.TryGetProperty("availability_zone", out _));
        Assert.Equal("3.80.10.11", instance.GetProperty("public_ip").GetString());
        Assert.StartsWith("172.31.", instance.GetProperty("private_ip").GetString(), StringComparison.Ordinal);
        Assert.True(instance.TryGetProperty("launch_time", out _));
        var details = Assert.Single(full.GetProperty("items").EnumerateArray()).GetProperty("details");
        Assert.Equal("platform-team", details.GetProperty("tags").GetProperty("Owner").GetString());
        Assert.StartsWith("ami-", details.GetProperty("image_id").GetString(), StringComparison.Ordinal);
        Assert.Equal("us-east-1a", details.GetProperty("availability_zone").GetString());
    }

    [Fact]
    public async Task DescribeEc2InstanceNeverReturnsUserData()
    {
        await using var client = await fixture.ConnectAsync();
        var bastion = await client.CallJsonAsync("list_ec2_instances", new { tags = new Dictionary<string, string> { ["Name"] = "bastion" }, detail = true });
        var id = Assert.Single(bastion.GetProperty("items").EnumerateArray()).GetProperty("instance_id").GetString();

        var result = await client.CallAsync("describe_ec2_instance", new { instance_id = id });

        var text = ToolCallExtensions.TextOf(result) + ToolCallExtensions.JsonOf(result).GetRawText() + bastion.GetRawText();
        Assert.Equal("bastion", ToolCallExtensions.JsonOf(result).GetProperty("name").GetString());
        Assert.Equal("ops-prod", ToolCallExtensions.JsonOf(result).GetProperty("details").GetProperty("key_name").GetString());
        SeededSecrets.AssertNoneIn(text);
        Assert.DoesNotContain("user_data", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DescribeEc2InstanceOfAnUnknownInstanceIsAClearError()
    {
        await using var client = await fixture.ConnectAsync();

        var error = await client.CallErrorAsync("describe_ec2_instance", new { instance_id = "i-0123456789abcdef0" });

        Assert.Contains("InvalidInstanceID.NotFound", error, StringComparison.Ordinal);
        Assert.Contains("us-east-1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListEc2RegionsListsEnabledRegionsOrAllOfThem()
    {
        await using var client = await fixture.ConnectAsync();

        var (enabled, _) = await client.CallAllPagesAsync("list_ec2_regions", new Dictionary<string, object?>());
        var (all, pages) = await client.CallAllPagesAsync("list_ec2_regions", new Dictionary<string, object?> { ["include_not_opted_in"] = true, ["limit"] = 10 });

        Assert.Equal(18, enabled.Count);
        Assert.Contains("ap-southeast-4", enabled.Strings("name"));
        Assert.Equal(33, all.Count);
        Assert.Equal(4, pages);
        Assert.Equal(all.Strings("name").Distinct().Count(), all.Count);
        Assert.Contains(all, region => region.GetProperty("opt_in_status").GetString() == "not-opted-in");
    }

    [Fact]
    public async Task ThrottlingThatOutlastsRetriesIsAClearToolError()
    {
        await using var client = await fixture.ConnectAsync();
        using var fault = SandboxFaultScope.Start(fixture.Sandbox, "ec2", "DescribeInstances", SandboxFault.Throttling("ec2"));

        var error = await client.CallErrorAsync("list_ec2_instances", new { region = "eu-west-1" });

        Assert.Contains("throttling", error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ec2:DescribeInstances", error, StringComparison.Ordinal);
        Assert.Contains("eu-west-1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessDeniedIsAClearToolError()
    {
        await using var client = await fixture.ConnectAsync();
        using var fault = SandboxFaultScope.Start(fixture.Sandbox, "ec2", "DescribeRegions", SandboxFault.AccessDenied("ec2"));

        var error = await client.CallErrorAsync("list_ec2_regions");

        Assert.Contains("Access denied", error, StringComparison.Ordinal);
        Assert.Contains("ec2:DescribeRegions", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidArgumentsAreRefusedNamingTheField()
    {
        await using var client = await fixture.ConnectAsync();

        var limit = await client.CallErrorAsync("list_ec2_instances", new { limit = 0 });
        var id = await client.CallErrorAsync("list_ec2_instances", new { instance_ids = new[] { "i-0123456789abcdef0", "web-prod-1" } });
        var token = await client.CallErrorAsync("list_ec2_instances", new { next_token = "not-a-token" });
        var state = await client.CallErrorAsync("list_ec2_instances", new { states = new[] { "sleeping" } });

        Assert.Contains("limit", limit, StringComparison.Ordinal);
        Assert.Contains("instance_ids[1]", id, StringComparison.Ordinal);
        Assert.Contains("next_token", token, StringComparison.Ordinal);
        Assert.Contains("states", state, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownAccountIsAClearError()
    {
        await using var client = await fixture.ConnectAsync();

        var error = await client.CallErrorAsync("list_ec2_instances", new { account = "no-such-account" });

        Assert.Contains("no-such-account", error, StringComparison.Ordinal);
    }

    private static List<string> Names(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("name").GetString() ?? string.Empty)];
}
