using AwsMcp.Plugins.Tests.Infrastructure;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Plugins.Tests.Compute;

/// <summary>
/// list_log_groups, list_log_streams and filter_log_events against the seeded logs: 6 groups in us-east-1 (4 Lambda,
/// /ecs/web-api, orders-db), 3 in eu-west-1; /ecs/web-api has 3 streams of 40 lines over the last 48 hours, 12 of them ERROR.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class LogToolsTests(SandboxHostFixture fixture)
{
    [Fact]
    public async Task ListLogGroupsPagesThroughEverySeededGroup()
    {
        await using var client = await fixture.ConnectAsync();

        var (items, pages) = await client.CallAllPagesAsync("list_log_groups", new Dictionary<string, object?> { ["limit"] = 4 });
        var lambda = await client.CallJsonAsync("list_log_groups", new { prefix = "/aws/lambda/", detail = true });

        Assert.Equal(6, items.Count);
        Assert.Equal(2, pages);
        var web = items.Single(group => group.GetProperty("name").GetString() == "/ecs/web-api");
        Assert.Equal(30, web.GetProperty("retention_days").GetInt32());
        Assert.True(web.GetProperty("stored_bytes").GetInt64() > 0);
        Assert.Equal(4, lambda.GetProperty("items").GetArrayLength());
        Assert.All(lambda.GetProperty("items").EnumerateArray(), group => Assert.StartsWith("arn:aws:logs:us-east-1:", group.GetProperty("details").GetProperty("arn").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AGroupThatNeverExpiresHasNoRetention()
    {
        await using var client = await fixture.ConnectAsync();

        var result = await client.CallJsonAsync("list_log_groups", new { prefix = "/aws/rds/", region = "eu-west-1" });

        var group = Assert.Single(result.GetProperty("items").EnumerateArray());
        Assert.Equal("/aws/rds/instance/auth-db/postgresql", group.GetProperty("name").GetString());
        Assert.False(group.TryGetProperty("retention_days", out _));
    }

    [Fact]
    public async Task ListLogStreamsListsTheStreamsOfAGroup()
    {
        await using var client = await fixture.ConnectAsync();

        var (items, pages) = await client.CallAllPagesAsync("list_log_streams", new Dictionary<string, object?> { ["log_group_name"] = "/ecs/web-api", ["limit"] = 2 });
        var prefixed = await client.CallJsonAsync("list_log_streams", new { log_group_name = "/ecs/web-api", prefix = "web-api/web/", detail = true });

        Assert.Equal(3, items.Count);
        Assert.Equal(2, pages);
        Assert.All(items, stream => Assert.True(stream.TryGetProperty("last_event_time", out _)));
        Assert.Equal(3, prefixed.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task FilterLogEventsPagesThroughEveryMatchingEvent()
    {
        await using var client = await fixture.ConnectAsync();
        var arguments = new Dictionary<string, object?>
        {
            ["log_group_name"] = "/ecs/web-api",
            ["filter_pattern"] = "ERROR",
            ["start_time"] = DateTimeOffset.UtcNow.AddDays(-3).ToString("O"),
            ["limit"] = 5,
        };

        var (items, pages) = await client.CallAllPagesAsync("filter_log_events", arguments);

        Assert.Equal(12, items.Count);
        Assert.Equal(3, pages);
        Assert.All(items, item => Assert.Contains("ERROR upstream timeout", item.GetProperty("message").GetString(), StringComparison.Ordinal));
        var times = items.Select(item => item.GetProperty("timestamp").GetDateTimeOffset()).ToList();
        Assert.Equal(times.Order(), times);
    }

    [Fact]
    public async Task FilterLogEventsDefaultsToTheLastHour()
    {
        await using var client = await fixture.ConnectAsync();

        var result = await client.CallJsonAsync("filter_log_events", new { log_group_name = "/aws/rds/instance/orders-db/postgresql" });

        var span = result.GetProperty("end_time").GetDateTimeOffset() - result.GetProperty("start_time").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromHours(1), span);
        Assert.True(result.GetProperty("items").GetArrayLength() <= 1);
    }

    [Fact]
    public async Task FilterLogEventsExplainsBadArgumentsAndMissingGroups()
    {
        await using var client = await fixture.ConnectAsync();

        var window = await client.CallErrorAsync("filter_log_events", new { log_group_name = "/ecs/web-api", start_time = "2026-11-20T00:00:00Z", end_time = "2026-11-19T00:00:00Z" });
        var missing = await client.CallErrorAsync("filter_log_events", new { log_group_name = "/no/such/group" });
        var limit = await client.CallErrorAsync("filter_log_events", new { log_group_name = "/ecs/web-api", limit = 500 });

        Assert.Contains("start_time", window, StringComparison.Ordinal);
        Assert.Contains("ResourceNotFoundException", missing, StringComparison.Ordinal);
        Assert.Contains("limit", limit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThrottlingOfLogsIsAClearToolError()
    {
        await using var client = await fixture.ConnectAsync();
        using var fault = SandboxFaultScope.Start(fixture.Sandbox, "logs", "DescribeLogGroups", SandboxFault.Throttling("logs"));

        var error = await client.CallErrorAsync("list_log_groups");

        Assert.Contains("throttling", error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("logs:DescribeLogGroups", error, StringComparison.Ordinal);
    }
}
