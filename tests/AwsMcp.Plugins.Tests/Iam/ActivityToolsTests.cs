using AwsMcp.Plugins.Tests.Compute;
using AwsMcp.Plugins.Tests.Infrastructure;
using AwsMcp.Sandbox.Core;
using ModelContextProtocol.Client;

namespace AwsMcp.Plugins.Tests.Iam;

/// <summary>
/// lookup_cloudtrail_events and explain_resource_changes against the sandbox's CloudTrail history: the seeded events
/// (bastion changed by alice.admin, refused for bob.dev; orders-api reconfigured with secrets in its request
/// parameters) and the changes this class makes itself through the write tools, in us-west-2 on an instance it launches.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class ActivityToolsTests(SandboxHostFixture fixture)
{
    private const string OperatorArn = $"arn:aws:iam::{SandboxIdentities.DefaultAccount}:user/sandbox-operator";

    [Fact]
    public async Task AStopMadeThroughTheToolsShowsUpWithTheCallersPrincipal()
    {
        await using var writer = await fixture.ConnectAsync(writes: true);
        var launched = await writer.CallJsonAsync("create_ec2_instance", new { image = "al2023", client_token = "trail-test-" + Guid.NewGuid().ToString("N")[..8], region = "us-west-2" });
        var id = launched.GetProperty("instances")[0].GetProperty("instance_id").GetString()!;
        await writer.CallJsonAsync("stop_ec2_instances", new { instance_ids = new[] { id }, region = "us-west-2" });
        await using var client = await fixture.ConnectAsync();

        var events = await client.CallJsonAsync("lookup_cloudtrail_events", new { resource_name = id, region = "us-west-2" });
        var explained = await client.CallJsonAsync("explain_resource_changes", new { resource_name = id, region = "us-west-2" });

        var items = events.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["StopInstances", "RunInstances"], items.Strings("event_name"));
        var stop = items[0];
        Assert.Equal(OperatorArn, stop.GetProperty("principal").GetString());
        Assert.Equal("IAMUser", stop.GetProperty("principal_type").GetString());
        Assert.Equal("127.0.0.1", stop.GetProperty("source_ip").GetString());
        Assert.Equal("ec2", stop.GetProperty("service").GetString());
        Assert.False(stop.GetProperty("read_only").GetBoolean());
        Assert.Contains(id, stop.GetProperty("resources").EnumerateArray().Select(resource => resource.GetString()));
        Assert.False(stop.TryGetProperty("error_code", out _));
        Assert.Equal(2, explained.GetProperty("by_principal").GetArrayLength());
        Assert.Equal(["RunInstances", "StopInstances"], explained.GetProperty("latest").EnumerateArray().ToList().Strings("event_name"));
    }

    [Fact]
    public async Task ExplainCallsOutFailedAttemptsAndRedactsWhatWasSent()
    {
        await using var client = await fixture.ConnectAsync();
        var bastion = await InstanceIdAsync(client, "bastion");

        var bastionChanges = await client.CallAsync("explain_resource_changes", new { resource_name = bastion, start_time = DateTimeOffset.UtcNow.AddDays(-7).ToString("O") });
        var function = await client.CallAsync("explain_resource_changes", new { resource_name = "orders-api", start_time = DateTimeOffset.UtcNow.AddDays(-7).ToString("O") });

        var changes = ToolCallExtensions.JsonOf(bastionChanges);
        Assert.Contains("1 failed: ModifyInstanceAttribute by arn:aws:iam::123456789012:user/bob.dev (Client.UnauthorizedOperation)", changes.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, changes.GetProperty("by_principal").GetArrayLength());
        Assert.Equal(1, changes.GetProperty("by_principal").EnumerateArray().Sum(group => group.GetProperty("failed").GetInt32()));
        var functionText = ToolCallExtensions.TextOf(function);
        Assert.Contains("UpdateFunctionConfiguration20150331v2", functionText, StringComparison.Ordinal);
        Assert.Contains("github-actions", functionText, StringComparison.Ordinal);
        Assert.Contains("LOG_LEVEL", functionText, StringComparison.Ordinal);
        SeededSecrets.AssertNoneIn(functionText);
    }

    [Fact]
    public async Task LookupPagesThroughTheWindowOnceAndNarrowsByUserAndWrites()
    {
        await using var client = await fixture.ConnectAsync();
        var week = DateTimeOffset.UtcNow.AddDays(-7).ToString("O");

        var (items, pages) = await client.CallAllPagesAsync("lookup_cloudtrail_events", new Dictionary<string, object?> { ["start_time"] = week, ["limit"] = 4 });
        var alice = await client.CallJsonAsync("lookup_cloudtrail_events", new { username = "alice.admin", read_only = false, start_time = week });
        var keys = await client.CallAsync("lookup_cloudtrail_events", new { event_name = "CreateAccessKey", start_time = DateTimeOffset.UtcNow.AddDays(-30).ToString("O") });

        Assert.True(pages >= 3, $"{pages} pages");
        var times = items.Select(item => item.GetProperty("time").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.Equal(items.Count, items.Select(item => item.GetRawText()).Distinct().Count());
        var aliceEvents = alice.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(aliceEvents);
        Assert.All(aliceEvents, item => Assert.Equal("arn:aws:iam::123456789012:user/alice.admin", item.GetProperty("principal").GetString()));
        Assert.Contains("TerminateInstances", aliceEvents.Strings("event_name"));
        // CreateAccessKey's response names the new key: never passed on.
        var keyText = ToolCallExtensions.TextOf(keys);
        Assert.Contains("carol.ops", keyText, StringComparison.Ordinal);
        Assert.DoesNotContain("\"accessKey\"", keyText, StringComparison.Ordinal);
        Assert.DoesNotContain("createDate", keyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInputNamesTheField()
    {
        await using var client = await fixture.ConnectAsync();

        var tooOld = await client.CallErrorAsync("lookup_cloudtrail_events", new { start_time = DateTimeOffset.UtcNow.AddDays(-120).ToString("O") });
        var reversed = await client.CallErrorAsync("explain_resource_changes", new { resource_name = "x", start_time = DateTimeOffset.UtcNow.ToString("O"), end_time = DateTimeOffset.UtcNow.AddDays(-1).ToString("O") });
        var tooMany = await client.CallErrorAsync("explain_resource_changes", new { resource_name = "x", latest = 51 });
        var forged = await client.CallErrorAsync("lookup_cloudtrail_events", new { next_token = "forged" });

        Assert.Contains("start_time", tooOld, StringComparison.Ordinal);
        Assert.Contains("90 days", tooOld, StringComparison.Ordinal);
        Assert.Contains("start_time", reversed, StringComparison.Ordinal);
        Assert.Contains("latest", tooMany, StringComparison.Ordinal);
        Assert.Contains("next_token", forged, StringComparison.Ordinal);
    }

    private static async Task<string> InstanceIdAsync(McpClient client, string name)
    {
        var page = await client.CallJsonAsync("list_ec2_instances", new { tags = new Dictionary<string, string> { ["Name"] = name } });
        return Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("instance_id").GetString()!;
    }
}
