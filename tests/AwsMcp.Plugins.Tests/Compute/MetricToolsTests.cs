using System.Text.Json;
using AwsMcp.Plugins.Tests.Infrastructure;
using AwsMcp.Sandbox.Core;
using ModelContextProtocol.Client;

namespace AwsMcp.Plugins.Tests.Compute;

/// <summary>
/// get_metric_summary, list_metrics and list_alarms against the sandbox's CloudWatch: worker-prod-1 (us-east-1) has its
/// CPU pegged at 93–98 %, orders-worker fails about a third of its invocations; six alarms in us-east-1, two in ALARM.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class MetricToolsTests(SandboxHostFixture fixture)
{
    [Fact(Timeout = 60_000)]
    public async Task TheSummaryFindsThePeggedInstance()
    {
        await using var client = await fixture.ConnectAsync();
        var pegged = await InstanceIdAsync(client, "worker-prod-1");
        var calm = await InstanceIdAsync(client, "web-prod-1");

        var hot = await client.CallJsonAsync("get_metric_summary", new { resource_type = "ec2_instance", resource_id = pegged });
        var cool = await client.CallJsonAsync("get_metric_summary", new { resource_type = "ec2_instance", resource_id = calm, metrics = new[] { "CPUUtilization" } });

        Assert.Equal(900, hot.GetProperty("period_seconds").GetInt32());
        Assert.Equal(TimeSpan.FromHours(3), hot.GetProperty("end").GetDateTimeOffset() - hot.GetProperty("start").GetDateTimeOffset());
        Assert.True(hot.GetProperty("end").GetDateTimeOffset() <= DateTimeOffset.UtcNow);
        Assert.Equal(["CPUUtilization", "NetworkIn", "NetworkOut"], hot.GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        var cpu = Metric(hot, "CPUUtilization");
        Assert.Equal("Percent", cpu.GetProperty("unit").GetString());
        Assert.Equal("Average", cpu.GetProperty("statistic").GetString());
        Assert.InRange(cpu.GetProperty("max").GetDouble(), 93, 98);
        Assert.InRange(cpu.GetProperty("p95").GetDouble(), 93, 98);
        Assert.InRange(cpu.GetProperty("periods").GetArrayLength(), 10, 13);
        Assert.InRange(cpu.GetProperty("periods").EnumerateArray().Last().GetProperty("value").GetDouble(), 93, 98);
        Assert.True(cpu.TryGetProperty("trend", out _));
        Assert.Equal("Bytes", Metric(hot, "NetworkIn").GetProperty("unit").GetString());
        // Volumes are summarised over their period totals: the largest period is no more than the window's total.
        var network = Metric(hot, "NetworkIn");
        Assert.InRange(network.GetProperty("max").GetDouble(), network.GetProperty("min").GetDouble(), network.GetProperty("sum").GetDouble());
        Assert.Equal(network.GetProperty("periods").EnumerateArray().Max(p => p.GetProperty("value").GetDouble()), network.GetProperty("max").GetDouble());
        Assert.True(Metric(cool, "CPUUtilization").GetProperty("max").GetDouble() < 60);
    }

    [Fact(Timeout = 60_000)]
    public async Task TheSummaryOfAFunctionShowsItsErrorsAgainstItsInvocations()
    {
        await using var client = await fixture.ConnectAsync();
        var end = DateTimeOffset.UtcNow;

        var summary = await client.CallJsonAsync("get_metric_summary", new
        {
            resource_type = "lambda_function",
            resource_id = "orders-worker",
            start_time = end.AddHours(-1).ToString("O"),
            end_time = end.ToString("O"),
        });

        Assert.Equal(300, summary.GetProperty("period_seconds").GetInt32());
        Assert.Equal(["Errors", "Duration", "Throttles", "Invocations"], summary.GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        var errors = Metric(summary, "Errors").GetProperty("sum").GetDouble();
        var invocations = Metric(summary, "Invocations").GetProperty("sum").GetDouble();
        Assert.InRange(errors / invocations, 0.25, 0.5);
        Assert.Equal(0, Metric(summary, "Throttles").GetProperty("max").GetDouble());
        Assert.Equal("flat", Metric(summary, "Throttles").GetProperty("trend").GetString());
        Assert.Equal("Milliseconds", Metric(summary, "Duration").GetProperty("unit").GetString());
        Assert.False(Metric(summary, "Duration").TryGetProperty("sum", out _));
    }

    [Theory(Timeout = 60_000)]
    [InlineData("ec2_instance", "orders-worker", null, "resource_id")]
    [InlineData("lambda_function", "orders worker", null, "resource_id")]
    [InlineData("lambda_function", "orders-worker", "2020-01-01T00:00:00Z", "start_time")]
    [InlineData("kubernetes_pod", "orders-worker", null, "resource_type")]
    public async Task BadArgumentsAreRefusedNamingTheField(string type, string id, string? start, string field)
    {
        await using var client = await fixture.ConnectAsync();
        var requests = fixture.Sandbox.RequestLog.Count(entry => entry.Service == "monitoring");

        var error = await client.CallErrorAsync("get_metric_summary", new Dictionary<string, object?> { ["resource_type"] = type, ["resource_id"] = id, ["start_time"] = start });

        Assert.Contains(field, error, StringComparison.Ordinal);
        Assert.DoesNotContain("cloudwatch:GetMetricData", error, StringComparison.Ordinal);
        Assert.Equal(requests, fixture.Sandbox.RequestLog.Count(entry => entry.Service == "monitoring"));
    }

    [Fact(Timeout = 60_000)]
    public async Task ListMetricsPagesAndFiltersByResource()
    {
        await using var client = await fixture.ConnectAsync();
        var pegged = await InstanceIdAsync(client, "worker-prod-1");

        var (lambda, pages) = await client.CallAllPagesAsync("list_metrics", new Dictionary<string, object?> { ["metric_namespace"] = "AWS/Lambda", ["limit"] = 5 });
        var instance = await client.CallJsonAsync("list_metrics", new { resource_id = pegged });

        Assert.Equal(16, lambda.Count);
        Assert.Equal(4, pages);
        Assert.Equal(16, lambda.Select(m => m.GetProperty("name").GetString() + "/" + m.GetProperty("dimensions").GetProperty("FunctionName").GetString()).Distinct().Count());
        var metrics = instance.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["CPUUtilization", "NetworkIn", "NetworkOut", "StatusCheckFailed"], metrics.Select(m => m.GetProperty("name").GetString()).Order());
        Assert.All(metrics, m => Assert.Equal(pegged, m.GetProperty("dimensions").GetProperty("InstanceId").GetString()));
    }

    [Fact(Timeout = 60_000)]
    public async Task ListAlarmsShowsWhatIsAlarmingWithItsHistory()
    {
        await using var client = await fixture.ConnectAsync();
        var pegged = await InstanceIdAsync(client, "worker-prod-1");

        var alarming = await client.CallJsonAsync("list_alarms");
        var (all, pages) = await client.CallAllPagesAsync("list_alarms", new Dictionary<string, object?> { ["state"] = "any", ["limit"] = 4 });

        var items = alarming.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["orders-worker-errors", "worker-prod-1-cpu-high"], items.Strings("name"));
        var cpu = items[1];
        Assert.Equal("ALARM", cpu.GetProperty("state").GetString());
        Assert.Equal("CPUUtilization", cpu.GetProperty("metric").GetString());
        Assert.Equal(pegged, cpu.GetProperty("dimensions").GetProperty("InstanceId").GetString());
        Assert.Equal("Average > 90 for 3 of 3 x 300s", cpu.GetProperty("condition").GetString());
        Assert.StartsWith("Threshold Crossed", cpu.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var errors = items[0].GetProperty("recent_changes").EnumerateArray().ToList();
        Assert.Equal(3, errors.Count);
        Assert.Equal(["ALARM", "OK", "ALARM"], errors.Strings("to"));
        Assert.Equal(items[0].GetProperty("since").GetDateTimeOffset(), errors[0].GetProperty("time").GetDateTimeOffset());
        Assert.Equal(6, all.Count);
        Assert.Equal(2, pages);
        Assert.Equal(6, all.Strings("name").Distinct().Count());
    }

    [Fact(Timeout = 60_000)]
    public async Task ThrottlingOfCloudWatchIsAClearToolError()
    {
        await using var client = await fixture.ConnectAsync();
        using var fault = SandboxFaultScope.Start(fixture.Sandbox, "monitoring", "DescribeAlarms", SandboxFault.Throttling("monitoring"));

        var error = await client.CallErrorAsync("list_alarms");

        Assert.Contains("throttl", error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("cloudwatch:DescribeAlarms", error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task ListAlarmsAcrossEveryRegionFindsWhatIsAlarmingAnywhere()
    {
        await using var client = await fixture.ConnectAsync();

        var first = await client.CallAsync("list_alarms", new { regions = new[] { "all" }, state = "any" });
        var (all, _) = await client.CallAllPagesAsync("list_alarms", new Dictionary<string, object?> { ["regions"] = new[] { "all" }, ["state"] = "any" });

        // Every region of the fleet asked; nine alarms in three regions, each once and tagged with its region.
        var targets = ToolCallExtensions.JsonOf(first).GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal(17, targets.Count);
        Assert.All(targets, target => Assert.Equal("ok", target.GetProperty("status").GetString()));
        Assert.Equal(9, all.Count);
        Assert.Equal(9, all.Select(alarm => alarm.GetProperty("name").GetString()).Distinct().Count());
        Assert.Equal(["ap-southeast-2", "eu-west-1", "us-east-1"], all.Select(alarm => alarm.GetProperty("region").GetString()).Distinct().Order());
        Assert.Contains(all, alarm => alarm.GetProperty("name").GetString() == "metrics-exporter-throttles" && alarm.GetProperty("region").GetString() == "ap-southeast-2");
        // One page holds them all: the room other regions leave is offered again to the region with more (six here).
        Assert.Equal(9, ToolCallExtensions.JsonOf(first).GetProperty("items").GetArrayLength());
        Assert.False(ToolCallExtensions.JsonOf(first).GetProperty("has_more").GetBoolean());
        // The merged page is compact text like any other answer: a condition's '>' is written as itself.
        var text = ToolCallExtensions.TextOf(first);
        Assert.Contains(" > ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u003E", text, StringComparison.Ordinal);
    }

    private static async Task<string> InstanceIdAsync(McpClient client, string name)
    {
        var result = await client.CallJsonAsync("list_ec2_instances", new { tags = new Dictionary<string, string> { ["Name"] = name } });
        return result.GetProperty("items").EnumerateArray().Single().GetProperty("instance_id").GetString()!;
    }

    private static JsonElement Metric(JsonElement summary, string name) =>
        summary.GetProperty("metrics").EnumerateArray().Single(metric => metric.GetProperty("name").GetString() == name);
}
