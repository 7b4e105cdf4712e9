using System.Text.Json;
using AwsMcp.Plugins.Tests.Infrastructure;
using AwsMcp.Sandbox.Core;
using ModelContextProtocol.Client;

namespace AwsMcp.Plugins.Tests.Compute;

/// <summary>
/// The mutating EC2 tools. They change seeded instances only in ap-southeast-2 and launch (then terminate) their own
/// instances in us-west-2, so the read tests' counts for us-east-1 and eu-west-1 hold whatever the order.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class Ec2InstanceChangeToolsTests(SandboxHostFixture fixture)
{
    private const string ChangeRegion = "ap-southeast-2";
    private const string LaunchRegion = "us-west-2";

    private static readonly string[] MutatingTools =
        ["start_ec2_instances", "stop_ec2_instances", "reboot_ec2_instances", "create_ec2_instance", "terminate_ec2_instances"];

    [Fact]
    public async Task TheReadOnlyHostHidesAndRefusesEveryMutatingEc2Tool()
    {
        await using var client = await fixture.ConnectAsync();

        var tools = (await client.ListToolsAsync()).Select(tool => tool.Name).ToList();
        var refusal = await client.CallErrorAsync("stop_ec2_instances", new { instance_ids = new[] { "i-0123456789abcdef0" }, region = ChangeRegion });

        Assert.Contains("list_ec2_instances", tools);
        Assert.All(MutatingTools, name => Assert.DoesNotContain(name, tools));
        Assert.Contains("read-only", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopDryRunReportsThatItWouldSucceedAndChangesNothing()
    {
        await using var client = await fixture.ConnectAsync(writes: true);
        var id = await InstanceIdAsync(client, "web-syd-1");

        var result = await client.CallJsonAsync("stop_ec2_instances", new { instance_ids = new[] { id }, dry_run = true, region = ChangeRegion });

        Assert.True(result.GetProperty("dry_run").GetBoolean());
        Assert.Contains("would succeed", result.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("running", await StateAsync(client, id));
    }

    [Fact]
    public async Task StopThenStartReportsEachInstancesStateChange()
    {
        await using var client = await fixture.ConnectAsync(writes: true);
        var id = await InstanceIdAsync(client, "web-syd-1");

        var stopped = await client.CallJsonAsync("stop_ec2_instances", new { instance_ids = new[] { id }, region = ChangeRegion });
        var afterStop = await StateAsync(client, id);
        var started = await client.CallJsonAsync("start_ec2_instances", new { instance_ids = new[] { id }, region = ChangeRegion });
        var rebooted = await client.CallJsonAsync("reboot_ec2_instances", new { instance_ids = new[] { await InstanceIdAsync(client, "bi-syd") }, region = ChangeRegion });

        var stop = Assert.Single(stopped.GetProperty("instances").EnumerateArray());
        Assert.Equal("running", stop.GetProperty("previous_state").GetString());
        Assert.Contains(stop.GetProperty("current_state").GetString(), new[] { "stopping", "stopped" });
        Assert.Contains(afterStop, new[] { "stopping", "stopped" });
        Assert.Contains(Assert.Single(started.GetProperty("instances").EnumerateArray()).GetProperty("current_state").GetString(), new[] { "pending", "running" });
        Assert.Equal("reboot", rebooted.GetProperty("action").GetString());
        Assert.False(rebooted.GetProperty("dry_run").GetBoolean());
    }

    [Fact]
    public async Task AnInstanceInTheWrongStateIsAClearAwsError()
    {
        await using var client = await fixture.ConnectAsync(writes: true);

        var error = await client.CallErrorAsync("reboot_ec2_instances", new { instance_ids = new[] { await InstanceIdAsync(client, "dev-syd") }, region = ChangeRegion });

        Assert.Contains("IncorrectInstanceState", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRunWithoutPermissionSaysAccessDenied()
    {
        await using var client = await fixture.ConnectAsync(writes: true);
        var id = await InstanceIdAsync(client, "bi-syd");
        using var fault = SandboxFaultScope.Start(fixture.Sandbox, "ec2", "StopInstances", SandboxFault.AccessDenied("ec2"));

        var error = await client.CallErrorAsync("stop_ec2_instances", new { instance_ids = new[] { id }, dry_run = true, region = ChangeRegion });

        Assert.Contains("Access denied", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneCallMayChangeAtMostTwentyInstances()
    {
        await using var client = await fixture.ConnectAsync(writes: true);
        var ids = Enumerable.Range(0, 21).Select(i => $"i-{i:x17}").ToArray();

        var tooMany = await client.CallErrorAsync("stop_ec2_instances", new { instance_ids = ids, region = ChangeRegion });
        var none = await client.CallErrorAsync("start_ec2_instances", new { instance_ids = Array.Empty<string>(), region = ChangeRegion });
        var tooManyLaunched = await client.CallErrorAsync("create_ec2_instance", new { image = "al2023", count = 21, region = LaunchRegion });

        Assert.Contains("21", tooMany, StringComparison.Ordinal);
        Assert.Contains("instance_ids", none, StringComparison.Ordinal);
        Assert.Contains("count", tooManyLaunched, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateEc2InstanceResolvesAnAliasTagsTheInstancesAndIsIdempotent()
    {
        await using var client = await fixture.ConnectAsync(writes: true);
        var arguments = new Dictionary<string, object?>
        {
            ["image"] = "al2023",
            ["name"] = "launch-test",
            ["count"] = 2,
            ["tags"] = new Dictionary<string, string> { ["Purpose"] = "plugin-tests" },
            ["region"] = LaunchRegion,
        };

        var dryRun = await client.CallJsonAsync("create_ec2_instance", new Dictionary<string, object?>(arguments) { ["dry_run"] = true });
        var launched = await client.CallJsonAsync("create_ec2_instance", arguments);
        var repeated = await client.CallJsonAsync("create_ec2_instance", arguments);

        Assert.True(dryRun.GetProperty("dry_run").GetBoolean());
        Assert.Empty(dryRun.GetProperty("instances").EnumerateArray());
        Assert.Contains("would succeed", dryRun.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("al2023", launched.GetProperty("image_alias").GetString());
        Assert.StartsWith("ami-", launched.GetProperty("image_id").GetString(), StringComparison.Ordinal);
        Assert.Equal("t3.micro", launched.GetProperty("instance_type").GetString());
        var ids = Ids(launched);
        Assert.Equal(2, ids.Count);
        Assert.Equal(ids, Ids(repeated));
        Assert.Equal(launched.GetProperty("client_token").GetString(), repeated.GetProperty("client_token").GetString());

        var listed = await client.CallJsonAsync("list_ec2_instances", new { instance_ids = ids, detail = true, region = LaunchRegion });
        Assert.All(listed.GetProperty("items").EnumerateArray(), instance =>
        {
            var tags = instance.GetProperty("details").GetProperty("tags");
            Assert.Equal("awsmcp", tags.GetProperty("ManagedBy").GetString());
            Assert.False(string.IsNullOrEmpty(tags.GetProperty("CreatedBy").GetString()));
            Assert.Equal("plugin-tests", tags.GetProperty("Purpose").GetString());
            Assert.Equal("launch-test", instance.GetProperty("name").GetString());
        });

        var terminated = ToolCallExtensions.JsonOf(await client.CallConfirmedAsync("terminate_ec2_instances", new Dictionary<string, object?> { ["instance_ids"] = ids, ["region"] = LaunchRegion }));
        Assert.All(terminated.GetProperty("instances").EnumerateArray(), change => Assert.Contains(change.GetProperty("current_state").GetString(), new[] { "shutting-down", "terminated" }));
    }

    [Fact]
    public async Task TerminateAsksForConfirmationBeforeChangingAnything()
    {
        await using var client = await fixture.ConnectAsync(writes: true);
        var launched = await client.CallJsonAsync("create_ec2_instance", new { image = "ubuntu-24.04", instance_type = "t3.small", client_token = "terminate-test-" + Guid.NewGuid().ToString("N")[..8], region = LaunchRegion });
        var id = Assert.Single(Ids(launched));

        var plan = await client.CallAsync("terminate_ec2_instances", new { instance_ids = new[] { id }, region = LaunchRegion });
        var stateAfterPlan = await StateAsync(client, id, LaunchRegion);
        var withForgedToken = await client.CallErrorAsync("terminate_ec2_instances", new { instance_ids = new[] { id }, region = LaunchRegion, confirmation_token = "forged" });

        Assert.Contains("confirmation_required", ToolCallExtensions.TextOf(plan), StringComparison.Ordinal);
        Assert.Contains(id, ToolCallExtensions.TextOf(plan), StringComparison.Ordinal);
        Assert.Contains(stateAfterPlan, new[] { "pending", "running" });
        Assert.NotEmpty(withForgedToken);

        // A dry run changes nothing, so it needs no confirmation: EC2 itself answers whether it would succeed.
        var dryRun = await client.CallJsonAsync("terminate_ec2_instances", new { instance_ids = new[] { id }, region = LaunchRegion, dry_run = true });
        Assert.True(dryRun.GetProperty("dry_run").GetBoolean());
        Assert.Contains(await StateAsync(client, id, LaunchRegion), new[] { "pending", "running" });

        var terminated = ToolCallExtensions.JsonOf(await client.CallConfirmedAsync("terminate_ec2_instances", new Dictionary<string, object?> { ["instance_ids"] = new[] { id }, ["region"] = LaunchRegion }));
        Assert.Equal("terminate", terminated.GetProperty("action").GetString());
        Assert.Contains(await StateAsync(client, id, LaunchRegion), new[] { "shutting-down", "terminated" });
    }

    [Fact]
    public async Task CreateEc2InstanceRefusesImagesOutsideTheAllowList()
    {
        await using var client = await fixture.ConnectAsync(writes: true);

        var alias = await client.CallErrorAsync("create_ec2_instance", new { image = "kali-linux", region = LaunchRegion });
        var reserved = await client.CallErrorAsync("create_ec2_instance", new { image = "al2023", tags = new Dictionary<string, string> { ["CreatedBy"] = "someone-else" }, region = LaunchRegion });

        Assert.Contains("image", alias, StringComparison.Ordinal);
        Assert.Contains("ubuntu-24.04", alias, StringComparison.Ordinal);
        Assert.Contains("tags.CreatedBy", reserved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConfiguredImageAliasResolvesPerRegion()
    {
        await using var client = await fixture.ConnectAsync(writes: true);

        var europe = await client.CallJsonAsync("create_ec2_instance", new { image = "golden-web", dry_run = true, region = "eu-west-1" });
        var oregon = await client.CallErrorAsync("create_ec2_instance", new { image = "golden-web", dry_run = true, region = LaunchRegion });

        Assert.Equal("golden-web", europe.GetProperty("image_alias").GetString());
        Assert.StartsWith("ami-", europe.GetProperty("image_id").GetString(), StringComparison.Ordinal);
        Assert.True(europe.GetProperty("dry_run").GetBoolean());
        Assert.Contains("matches no available image", oregon, StringComparison.Ordinal);
    }

    private static List<string> Ids(JsonElement launch) =>
        [.. launch.GetProperty("instances").EnumerateArray().Select(instance => instance.GetProperty("instance_id").GetString()!)];

    private static async Task<string> InstanceIdAsync(McpClient client, string name)
    {
        var page = await client.CallJsonAsync("list_ec2_instances", new { tags = new Dictionary<string, string> { ["Name"] = name }, region = ChangeRegion });
        return Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("instance_id").GetString()!;
    }

    private static async Task<string> StateAsync(McpClient client, string id, string region = ChangeRegion) =>
        (await client.CallJsonAsync("describe_ec2_instance", new { instance_id = id, region })).GetProperty("state").GetString()!;
}
