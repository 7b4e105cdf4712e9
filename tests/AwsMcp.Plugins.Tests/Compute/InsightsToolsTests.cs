using AwsMcp.Plugins.Tests.Infrastructure;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Plugins.Tests.Compute;

/// <summary>query_logs_insights and get_logs_insights_results: bounded waits, and the query id when a query outlasts them.</summary>
[Collection(SandboxCollection.Name)]
public sealed class InsightsToolsTests(SandboxHostFixture fixture)
{
    private static readonly string LastThreeDays = DateTimeOffset.UtcNow.AddDays(-3).ToString("O");

    [Fact]
    public async Task QueryLogsInsightsWaitsForTheRows()
    {
        await using var client = await fixture.ConnectAsync();

        var result = await client.CallJsonAsync("query_logs_insights", new
        {
            log_group_names = new[] { "/ecs/web-api" },
            query = "filter @message like /ERROR/ | stats count(*) as errors",
            start_time = LastThreeDays,
        });

        Assert.Equal("Complete", result.GetProperty("status").GetString());
        Assert.True(result.GetProperty("complete").GetBoolean());
        var row = Assert.Single(result.GetProperty("rows").EnumerateArray());
        Assert.Equal("12", row.GetProperty("errors").GetString());
        Assert.True(result.GetProperty("records_scanned").GetDouble() >= 120);
    }

    [Fact]
    public async Task AQueryThatOutlastsTheWaitReturnsItsIdForLater()
    {
        await using var client = await fixture.ConnectAsync();

        var started = await client.CallJsonAsync("query_logs_insights", new
        {
            log_group_names = new[] { "/ecs/web-api", "/aws/rds/instance/orders-db/postgresql" },
            query = "fields @timestamp, @message | filter @message like /ERROR/ | sort @timestamp desc | limit 5",
            start_time = LastThreeDays,
            wait_seconds = 0,
        });
        var queryId = started.GetProperty("query_id").GetString();
        var finished = await client.CallJsonAsync("get_logs_insights_results", new { query_id = queryId, limit = 3, wait_seconds = 10 });

        Assert.False(started.GetProperty("complete").GetBoolean());
        Assert.Contains("get_logs_insights_results", started.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("Complete", finished.GetProperty("status").GetString());
        Assert.Equal(3, finished.GetProperty("rows").GetArrayLength());
        Assert.True(finished.GetProperty("rows_truncated").GetBoolean());
        Assert.All(finished.GetProperty("rows").EnumerateArray(), row =>
        {
            Assert.Contains("ERROR", row.GetProperty("@message").GetString(), StringComparison.Ordinal);
            Assert.False(row.TryGetProperty("@ptr", out _));
        });
    }

    [Fact]
    public async Task InsightsErrorsAreClearToolErrors()
    {
        await using var client = await fixture.ConnectAsync();

        var malformed = await client.CallErrorAsync("query_logs_insights", new { log_group_names = new[] { "/ecs/web-api" }, query = "dedup @message", wait_seconds = 0 });
        var unknown = await client.CallErrorAsync("get_logs_insights_results", new { query_id = "00000000-0000-0000-0000-000000000000", wait_seconds = 0 });
        var wait = await client.CallErrorAsync("query_logs_insights", new { log_group_names = new[] { "/ecs/web-api" }, query = "fields @message", wait_seconds = 31 });
        string denied;
        using (SandboxFaultScope.Start(fixture.Sandbox, "logs", "StartQuery", SandboxFault.AccessDenied("logs")))
        {
            denied = await client.CallErrorAsync("query_logs_insights", new { log_group_names = new[] { "/ecs/web-api" }, query = "fields @message" });
        }

        Assert.Contains("MalformedQueryException", malformed, StringComparison.Ordinal);
        Assert.Contains("ResourceNotFoundException", unknown, StringComparison.Ordinal);
        Assert.Contains("wait_seconds", wait, StringComparison.Ordinal);
        Assert.Contains("Access denied", denied, StringComparison.Ordinal);
    }
}
