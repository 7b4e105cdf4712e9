using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Amazon.EC2.Model;
using Amazon.Runtime;
using AwsMcp.Aws.Protocol;
using AwsMcp.Aws.Protocol.Errors;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Tests.Support;

namespace AwsMcp.Sandbox.Tests.ServiceEmulators;

/// <summary>CloudWatch (awsQuery) through the product's protocol client: metrics of the seeded estate, alarms and their history.</summary>
public sealed class CloudWatchTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly AwsProtocolClient _cloudWatch = ThinClients.For(fixture.Server, AwsServiceModels.CloudWatch);

    [Fact(Timeout = 30_000)]
    public async Task The_pegged_instance_reads_near_100_percent_and_the_same_query_gets_the_same_answer()
    {
        var pegged = await InstanceIdAsync("worker-prod-1");
        var calm = await InstanceIdAsync("web-prod-1");
        var end = Minute(DateTimeOffset.UtcNow);
        var parameters = MetricData(end.AddHours(-1), end, ("peg", pegged, "CPUUtilization", "Average", 300), ("calm", calm, "CPUUtilization", "Maximum", 300));

        var first = Results(await Query("GetMetricData", parameters));
        var second = Results(await Query("GetMetricData", parameters));

        var peg = first["peg"];
        Assert.InRange(peg.Values.Count, 11, 12);
        Assert.All(peg.Values, value => Assert.InRange(value, 93, 98));
        Assert.All(first["calm"].Values, value => Assert.InRange(value, 0, 60));
        Assert.Equal(peg.Values, second["peg"].Values);
        Assert.Equal(peg.Times, second["peg"].Times);
        // Newest first by default, on the 5-minute grid the query asked for.
        Assert.Equal(peg.Times.OrderDescending(), peg.Times);
        Assert.All(peg.Times, time => Assert.Equal(0, (time - end.AddHours(-1)).Ticks % TimeSpan.FromMinutes(5).Ticks));
    }

    [Fact(Timeout = 30_000)]
    public async Task Lambda_statistics_show_the_error_prone_and_throttled_functions()
    {
        var end = Minute(DateTimeOffset.UtcNow);
        var results = Results(await Query("GetMetricData", MetricData(
            end.AddMinutes(-30),
            end,
            ("inv", "orders-worker", "Invocations", "Sum", 1800),
            ("err", "orders-worker", "Errors", "Sum", 1800),
            ("n", "orders-worker", "Duration", "SampleCount", 1800),
            ("p95", "image-resizer", "Duration", "p95", 1800),
            ("apierr", "orders-api", "Errors", "Sum", 1800))));

        var invocations = results["inv"].Values.Single();
        var errors = results["err"].Values.Single();
        Assert.InRange(errors / invocations, 0.25, 0.5);
        Assert.InRange(results["n"].Values.Single(), 28, 30);
        Assert.InRange(results["p95"].Values.Single(), 700, 850);
        Assert.True(results["apierr"].Values.Single() < invocations * 0.1);

        using var sydney = ThinClients.For(fixture.Server, AwsServiceModels.CloudWatch, "ap-southeast-2");
        var throttled = Results(await sydney.InvokeQueryAsync("GetMetricData", MetricData(end.AddMinutes(-10), end, ("t", "metrics-exporter", "Throttles", "Sum", 600), ("i", "metrics-exporter", "Invocations", "Sum", 600)), CancellationToken.None));
        Assert.True(throttled["t"].Values.Single() > 0);
        Assert.Empty(throttled["i"].Values);
    }

    [Fact(Timeout = 30_000)]
    public async Task GetMetricData_pages_by_MaxDatapoints_and_the_paginator_reaches_the_last_page()
    {
        var end = Minute(DateTimeOffset.UtcNow);
        var parameters = MetricData(end.AddMinutes(-20), end, ("a", "orders-api", "Invocations", "Sum", 60), ("b", "orders-api", "Duration", "Maximum", 60));
        parameters["MaxDatapoints"] = "7";

        var pages = 0;
        var merged = new Dictionary<string, List<double>>();
        await foreach (var page in _cloudWatch.PaginateQueryAsync("GetMetricData", parameters, CancellationToken.None))
        {
            pages++;
            foreach (var (id, series) in Results(page))
            {
                Assert.True(series.Values.Count <= 7);
                merged.TryAdd(id, []);
                merged[id].AddRange(series.Values);
            }
        }

        parameters.Remove("MaxDatapoints");
        var whole = Results(await Query("GetMetricData", parameters));
        Assert.Equal(20, whole["a"].Values.Count);
        Assert.Equal(20, whole["b"].Values.Count);
        Assert.Equal(6, pages);
        Assert.Equal(whole["a"].Values, merged["a"]);
        Assert.Equal(whole["b"].Values, merged["b"]);
    }

    [Fact(Timeout = 30_000)]
    public async Task ListMetrics_filters_by_namespace_name_and_dimension()
    {
        var pegged = await InstanceIdAsync("worker-prod-1");

        var ec2 = Members(await Query("ListMetrics", new() { ["Namespace"] = "AWS/EC2", ["MetricName"] = "CPUUtilization" }), "Metrics");
        var instance = Members(await Query("ListMetrics", new() { ["Dimensions.member.1.Name"] = "InstanceId", ["Dimensions.member.1.Value"] = pegged }), "Metrics");
        var functions = Members(await Query("ListMetrics", new() { ["Namespace"] = "AWS/Lambda", ["Dimensions.member.1.Name"] = "FunctionName" }), "Metrics");

        // Every us-east-1 instance: running, stopped within two weeks, terminated minutes ago, pending.
        Assert.Equal(15, ec2.Count);
        Assert.Equal(["CPUUtilization", "NetworkIn", "NetworkOut", "StatusCheckFailed"], instance.Select(m => Value(m, "MetricName")).Order());
        Assert.Equal(16, functions.Count);
        Assert.All(functions, m => Assert.Equal("FunctionName", Value(Members(m, "Dimensions").Single(), "Name")));
    }

    [Fact(Timeout = 30_000)]
    public async Task DescribeAlarms_filters_by_state_and_pages_with_NextToken()
    {
        var pegged = await InstanceIdAsync("worker-prod-1");

        var alarming = Members(await Query("DescribeAlarms", new() { ["StateValue"] = "ALARM" }), "MetricAlarms");
        var names = new List<string>();
        var pages = 0;
        await foreach (var page in _cloudWatch.PaginateQueryAsync("DescribeAlarms", new Dictionary<string, string> { ["MaxRecords"] = "2" }, CancellationToken.None))
        {
            pages++;
            names.AddRange(Members(page, "MetricAlarms").Select(alarm => Value(alarm, "AlarmName")));
        }

        Assert.Equal(["orders-worker-errors", "worker-prod-1-cpu-high"], alarming.Select(alarm => Value(alarm, "AlarmName")));
        var cpu = alarming.Single(alarm => Value(alarm, "AlarmName") == "worker-prod-1-cpu-high");
        Assert.Equal(pegged, Value(Members(cpu, "Dimensions").Single(), "Value"));
        Assert.Equal("90", Value(cpu, "Threshold"));
        Assert.StartsWith("Threshold Crossed", Value(cpu, "StateReason"), StringComparison.Ordinal);
        Assert.Equal(6, names.Count);
        Assert.Equal(3, pages);
        Assert.Equal("p95", Value(Members(await Query("DescribeAlarms", new() { ["AlarmNames.member.1"] = "orders-api-duration-p95" }), "MetricAlarms").Single(), "ExtendedStatistic"));
        Assert.Single(Members(await Query("DescribeAlarms", new() { ["AlarmNamePrefix"] = "dev-", ["StateValue"] = "INSUFFICIENT_DATA" }), "MetricAlarms"));
    }

    [Fact(Timeout = 30_000)]
    public async Task DescribeAlarmHistory_filters_by_alarm_type_and_dates()
    {
        var all = Members(await Query("DescribeAlarmHistory", new() { ["AlarmName"] = "orders-worker-errors" }), "AlarmHistoryItems");
        var states = Members(await Query("DescribeAlarmHistory", new() { ["AlarmName"] = "orders-worker-errors", ["HistoryItemType"] = "StateUpdate" }), "AlarmHistoryItems");
        var lastDay = Members(await Query("DescribeAlarmHistory", new()
        {
            ["AlarmName"] = "orders-worker-errors",
            ["HistoryItemType"] = "StateUpdate",
            ["StartDate"] = DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        }), "AlarmHistoryItems");
        var newestTwo = await Query("DescribeAlarmHistory", new() { ["AlarmName"] = "orders-worker-errors", ["MaxRecords"] = "2" });

        // Created, first data (OK), then ALARM / OK / ALARM; each ALARM notified the SNS topic.
        Assert.Equal(7, all.Count);
        Assert.Equal(["Alarm updated from OK to ALARM", "Alarm updated from ALARM to OK", "Alarm updated from OK to ALARM", "Alarm updated from INSUFFICIENT_DATA to OK"], states.Select(item => Value(item, "HistorySummary")));
        Assert.Equal(3, lastDay.Count);
        Assert.Contains("\"newState\":{\"stateValue\":\"ALARM\"", Value(lastDay[0], "HistoryData"), StringComparison.Ordinal);
        Assert.Equal(2, Members(newestTwo, "AlarmHistoryItems").Count);
        Assert.False(string.IsNullOrEmpty(Value(newestTwo, "NextToken")));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("DescribeAlarms", "StateValue", "FIRING", "ValidationError")]
    [InlineData("DescribeAlarms", "NextToken", "bogus", "InvalidNextToken")]
    [InlineData("DescribeAlarmHistory", "HistoryItemType", "Everything", "ValidationError")]
    [InlineData("GetMetricData", "MetricDataQueries.member.1.MetricStat.Stat", "Median", "InvalidParameterValue")]
    [InlineData("GetMetricData", "MetricDataQueries.member.1.MetricStat.Period", "90", "InvalidParameterValue")]
    [InlineData("GetMetricData", "MetricDataQueries.member.1.Id", "Upper", "InvalidParameterValue")]
    [InlineData("GetMetricData", "MetricDataQueries.member.1.Expression", "SUM(METRICS())", "InvalidParameterValue")]
    public async Task Bad_parameters_are_refused_with_the_services_codes(string action, string name, string value, string code)
    {
        var end = Minute(DateTimeOffset.UtcNow);
        var parameters = action == "GetMetricData" ? MetricData(end.AddHours(-1), end, ("q", "orders-api", "Errors", "Sum", 300)) : [];
        parameters[name] = value;

        var error = await AwsAssert.FailsWith<AmazonServiceException>(() => Query(action, parameters), code, HttpStatusCode.BadRequest);

        Assert.IsType<AwsServiceException>(error);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_wrong_secret_fails_the_signature_check()
    {
        using var client = ThinClients.For(fixture.Server, AwsServiceModels.CloudWatch, credentials: new BasicAWSCredentials(SandboxIdentities.OperatorAccessKeyId, "not-the-secret"));

        await AwsAssert.FailsWith<AmazonServiceException>(
            () => client.InvokeQueryAsync("DescribeAlarms", new Dictionary<string, string>(), CancellationToken.None), "SignatureDoesNotMatch", HttpStatusCode.Forbidden);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_injected_throttle_is_retried_by_the_client()
    {
        fixture.Server.Faults.FailNext("monitoring", "ListMetrics", SandboxFault.Throttling("monitoring"), times: 2);
        using var retrying = ThinClients.For(fixture.Server, AwsServiceModels.CloudWatch, maxErrorRetry: 3);

        var result = await retrying.InvokeQueryAsync("ListMetrics", new Dictionary<string, string> { ["Namespace"] = "AWS/Lambda" }, CancellationToken.None);

        Assert.NotEmpty(Members(result, "Metrics"));
        var attempts = fixture.Server.RequestLog.Where(entry => entry.Service == "monitoring" && entry.Operation == "ListMetrics").TakeLast(3).ToList();
        Assert.Equal(["Throttling", "Throttling", null], attempts.Select(entry => entry.ErrorCode));
    }

    private async Task<string> InstanceIdAsync(string name)
    {
        using var ec2 = SandboxClients.Ec2(fixture.Server);
        var response = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new Filter("tag:Name", [name])] });
        return response.Reservations.Single().Instances.Single().InstanceId;
    }

    private Task<XElement> Query(string action, Dictionary<string, string> parameters) =>
        _cloudWatch.InvokeQueryAsync(action, parameters, CancellationToken.None);

    private static Dictionary<string, string> MetricData(DateTimeOffset start, DateTimeOffset end, params (string Id, string Resource, string Metric, string Stat, int Period)[] queries)
    {
        var parameters = new Dictionary<string, string>
        {
            ["StartTime"] = start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["EndTime"] = end.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < queries.Length; i++)
        {
            var (id, resource, metric, stat, period) = queries[i];
            var prefix = $"MetricDataQueries.member.{i + 1}.";
            var ec2 = resource.StartsWith("i-", StringComparison.Ordinal);
            parameters[prefix + "Id"] = id;
            parameters[prefix + "MetricStat.Metric.Namespace"] = ec2 ? "AWS/EC2" : "AWS/Lambda";
            parameters[prefix + "MetricStat.Metric.MetricName"] = metric;
            parameters[prefix + "MetricStat.Metric.Dimensions.member.1.Name"] = ec2 ? "InstanceId" : "FunctionName";
            parameters[prefix + "MetricStat.Metric.Dimensions.member.1.Value"] = resource;
            parameters[prefix + "MetricStat.Period"] = period.ToString(CultureInfo.InvariantCulture);
            parameters[prefix + "MetricStat.Stat"] = stat;
        }

        return parameters;
    }

    private static Dictionary<string, (List<DateTimeOffset> Times, List<double> Values)> Results(XElement result) =>
        Members(result, "MetricDataResults").ToDictionary(
            query => Value(query, "Id"),
            query => (
                Members(query, "Timestamps").Select(time => DateTimeOffset.Parse(time.Value, CultureInfo.InvariantCulture)).ToList(),
                Members(query, "Values").Select(value => double.Parse(value.Value, CultureInfo.InvariantCulture)).ToList()));

    private static DateTimeOffset Minute(DateTimeOffset time) => new(time.Year, time.Month, time.Day, time.Hour, time.Minute, 0, TimeSpan.Zero);

    private static List<XElement> Members(XElement parent, string list) =>
        [.. parent.Elements().Single(e => e.Name.LocalName == list).Elements()];

    private static string Value(XElement element, string name) =>
        element.Elements().Single(e => e.Name.LocalName == name).Value;
}
