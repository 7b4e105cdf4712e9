using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using AwsMcp.Aws.Protocol;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Tests.Support;

namespace AwsMcp.Sandbox.Tests.ServiceEmulators;

public sealed class LogsTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly AwsProtocolClient _logs = ThinClients.For(fixture.Server, AwsServiceModels.CloudWatchLogs);

    [Fact]
    public async Task DescribeLogGroups_pages_to_the_last_page_with_retention_and_sizes()
    {
        var groups = await AllPages("DescribeLogGroups", new JsonObject { ["limit"] = 2 }, "logGroups");
        Assert.Equal(
            ["/aws/lambda/billing-report", "/aws/lambda/image-resizer", "/aws/lambda/orders-api", "/aws/lambda/orders-worker", "/aws/rds/instance/orders-db/postgresql", "/ecs/web-api"],
            groups.Select(g => g.GetProperty("logGroupName").GetString()));
        Assert.All(groups, g => Assert.True(g.GetProperty("storedBytes").GetInt64() > 0));
        Assert.Equal(30, groups.Single(g => g.GetProperty("logGroupName").GetString() == "/ecs/web-api").GetProperty("retentionInDays").GetInt32());

        using var eu = ThinClients.For(fixture.Server, AwsServiceModels.CloudWatchLogs, "eu-west-1");
        using var rds = await eu.InvokeJsonAsync("DescribeLogGroups", new JsonObject { ["logGroupNamePrefix"] = "/aws/rds" }, CancellationToken.None);
        Assert.False(rds.RootElement.GetProperty("logGroups")[0].TryGetProperty("retentionInDays", out _));
    }

    [Fact]
    public async Task DescribeLogStreams_orders_by_last_event_time_descending()
    {
        var streams = await AllPages("DescribeLogStreams", new JsonObject { ["logGroupName"] = "/ecs/web-api", ["orderBy"] = "LastEventTime", ["descending"] = true, ["limit"] = 1 }, "logStreams");
        Assert.Equal(3, streams.Count);
        var last = streams.Select(s => s.GetProperty("lastEventTimestamp").GetInt64()).ToList();
        Assert.Equal(last.OrderDescending(), last);
    }

    [Theory]
    [InlineData("ERROR", 12)]
    [InlineData("\"upstream timeout\"", 12)]
    [InlineData("?ERROR ?WARN", 27)]
    [InlineData("INFO -orders/1000", 90)]
    [InlineData("", 120)]
    public async Task FilterLogEvents_supports_terms_phrases_or_and_exclusions(string pattern, int expected)
    {
        var events = await AllPages("FilterLogEvents", new JsonObject { ["logGroupName"] = "/ecs/web-api", ["filterPattern"] = pattern, ["limit"] = 25 }, "events");
        Assert.Equal(expected, events.Count);
    }

    [Fact]
    public async Task FilterLogEvents_honours_the_time_range_and_stream_names()
    {
        var all = await AllPages("FilterLogEvents", new JsonObject { ["logGroupName"] = "/aws/rds/instance/orders-db/postgresql" }, "events");
        var middle = all[10].GetProperty("timestamp").GetInt64();
        var recent = await AllPages("FilterLogEvents", new JsonObject { ["logGroupName"] = "/aws/rds/instance/orders-db/postgresql", ["startTime"] = middle, ["endTime"] = all[29].GetProperty("timestamp").GetInt64(), ["logStreamNames"] = new JsonArray("orders-db") }, "events");
        Assert.Equal(20, recent.Count);
    }

    [Fact]
    public async Task PutLogEvents_then_GetLogEvents_reads_them_back_in_both_directions()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var put = await Call("PutLogEvents", new JsonObject
        {
            ["logGroupName"] = "/aws/rds/instance/orders-db/postgresql",
            ["logStreamName"] = "orders-db",
            ["logEvents"] = new JsonArray(
                new JsonObject { ["timestamp"] = now - (20L * 24 * 3_600_000), ["message"] = "too old" },
                new JsonObject { ["timestamp"] = now, ["message"] = "LOG:  sandbox test line" }),
        });
        Assert.Equal(1, put.RootElement.GetProperty("rejectedLogEventsInfo").GetProperty("tooOldLogEventEndIndex").GetInt32());

        using var newest = await Call("GetLogEvents", new JsonObject { ["logGroupName"] = "/aws/rds/instance/orders-db/postgresql", ["logStreamName"] = "orders-db", ["limit"] = 1 });
        Assert.Equal("LOG:  sandbox test line", newest.RootElement.GetProperty("events")[0].GetProperty("message").GetString());

        var forward = new List<string>();
        string? token = null;
        while (true)
        {
            var request = new JsonObject { ["logGroupName"] = "/aws/rds/instance/orders-db/postgresql", ["logStreamName"] = "orders-db", ["startFromHead"] = true, ["limit"] = 7 };
            if (token is not null)
            {
                request["nextToken"] = token;
            }

            using var page = await Call("GetLogEvents", request);
            var next = page.RootElement.GetProperty("nextForwardToken").GetString();
            forward.AddRange(page.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("message").GetString()!));
            if (next == token)
            {
                break;
            }

            token = next;
        }

        Assert.Equal(31, forward.Count);
    }

    [Fact]
    public async Task Insights_query_walks_scheduled_running_complete_and_returns_rows()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var started = await Call("StartQuery", new JsonObject
        {
            ["logGroupNames"] = new JsonArray("/ecs/web-api", "/aws/lambda/orders-api"),
            ["startTime"] = now - (3 * 24 * 3600),
            ["endTime"] = now,
            ["queryString"] = "fields @timestamp, @message | filter @message like /ERROR|Error/ | sort @timestamp desc | limit 5",
        });
        var id = started.RootElement.GetProperty("queryId").GetString()!;
        var statuses = new List<string>();
        JsonDocument? complete = null;
        while (complete is null)
        {
            var result = await Call("GetQueryResults", new JsonObject { ["queryId"] = id });
            statuses.Add(result.RootElement.GetProperty("status").GetString()!);
            if (statuses[^1] == "Complete")
            {
                complete = result;
            }
            else
            {
                result.Dispose();
            }
        }

        using (complete)
        {
            Assert.Equal(["Scheduled", "Running", "Complete"], statuses);
            var rows = complete.RootElement.GetProperty("results").EnumerateArray().ToList();
            Assert.Equal(5, rows.Count);
            Assert.All(rows, row => Assert.Equal(["@timestamp", "@message", "@ptr"], row.EnumerateArray().Select(c => c.GetProperty("field").GetString())));
            Assert.All(rows, row => Assert.Contains("ERROR", row[1].GetProperty("value").GetString()!, StringComparison.Ordinal));
            Assert.Equal(18, complete.RootElement.GetProperty("statistics").GetProperty("recordsMatched").GetDouble());
        }

        using var stopped = await Call("StopQuery", new JsonObject { ["queryId"] = id });
        Assert.False(stopped.RootElement.GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task Insights_stats_counts_by_bin_and_by_field()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var byStream = await RunQuery("/ecs/web-api", now, "filter @message like /ERROR/ | stats count(*) as errors by @logStream | sort errors desc");
        Assert.Equal(3, byStream.Count);
        Assert.All(byStream, row => Assert.Equal(["@logStream", "errors"], row.Select(cell => cell.Field)));
        Assert.Equal(12, byStream.Sum(row => int.Parse(row[1].Value, System.Globalization.CultureInfo.InvariantCulture)));

        var byHour = await RunQuery("/ecs/web-api", now, "stats count(*) by bin(1h)");
        Assert.Equal(120, byHour.Sum(row => int.Parse(row[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(byHour.Select(row => row[0].Value).OrderDescending(StringComparer.Ordinal), byHour.Select(row => row[0].Value));

        var total = await RunQuery("/ecs/web-api", now, "stats count(*)");
        Assert.Equal("120", total.Single().Single().Value);
    }

    [Fact]
    public async Task StopQuery_cancels_a_running_query()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var started = await Call("StartQuery", new JsonObject { ["logGroupName"] = "/ecs/web-api", ["startTime"] = now - 3600, ["endTime"] = now, ["queryString"] = "fields @message" });
        var id = started.RootElement.GetProperty("queryId").GetString()!;
        using var stopped = await Call("StopQuery", new JsonObject { ["queryId"] = id });
        Assert.True(stopped.RootElement.GetProperty("success").GetBoolean());
        using var result = await Call("GetQueryResults", new JsonObject { ["queryId"] = id });
        Assert.Equal("Cancelled", result.RootElement.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("DescribeLogStreams", """{"logGroupName":"/nope"}""", "ResourceNotFoundException")]
    [InlineData("FilterLogEvents", """{"logGroupName":"/ecs/web-api","filterPattern":"{ $.level = \"error\" }"}""", "InvalidParameterException")]
    [InlineData("DescribeLogStreams", """{"logGroupName":"/ecs/web-api","orderBy":"LastEventTime","logStreamNamePrefix":"web"}""", "InvalidParameterException")]
    [InlineData("DescribeLogGroups", """{"limit":51}""", "InvalidParameterException")]
    [InlineData("DescribeLogGroups", """{"nextToken":"bogus"}""", "InvalidParameterException")]
    [InlineData("PutLogEvents", """{"logGroupName":"/ecs/web-api","logStreamName":"missing","logEvents":[{"timestamp":1,"message":"x"}]}""", "ResourceNotFoundException")]
    [InlineData("StartQuery", """{"logGroupName":"/ecs/web-api","startTime":1,"endTime":2,"queryString":"parse @message \"* *\" as a, b"}""", "MalformedQueryException")]
    [InlineData("StartQuery", """{"logGroupName":"/ecs/web-api","startTime":1,"endTime":2,"queryString":"stats avg(x)"}""", "MalformedQueryException")]
    [InlineData("GetQueryResults", """{"queryId":"nope"}""", "ResourceNotFoundException")]
    public async Task Errors_map_to_codes(string operation, string body, string code) =>
        await AwsAssert.FailsWith<AmazonServiceException>(() => Call(operation, JsonNode.Parse(body)!.AsObject()), code, HttpStatusCode.BadRequest);

    [Fact]
    public async Task Injected_throttling_and_latency()
    {
        fixture.Server.Faults.FailNext("logs", "DescribeLogGroups", SandboxFault.Throttling("logs"));
        await AwsAssert.FailsWith<AmazonServiceException>(() => Call("DescribeLogGroups", []), "ThrottlingException", HttpStatusCode.BadRequest);

        fixture.Server.Faults.AddLatency("logs", "DescribeLogGroups", TimeSpan.FromMilliseconds(200), times: 1);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var slow = await Call("DescribeLogGroups", []);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(190));
    }

    private async Task<List<List<(string Field, string Value)>>> RunQuery(string group, long now, string queryString)
    {
        using var started = await Call("StartQuery", new JsonObject { ["logGroupName"] = group, ["startTime"] = now - (3 * 24 * 3600), ["endTime"] = now, ["queryString"] = queryString });
        var id = started.RootElement.GetProperty("queryId").GetString()!;
        while (true)
        {
            using var result = await Call("GetQueryResults", new JsonObject { ["queryId"] = id });
            if (result.RootElement.GetProperty("status").GetString() == "Complete")
            {
                return [.. result.RootElement.GetProperty("results").EnumerateArray()
                    .Select(row => row.EnumerateArray().Select(cell => (cell.GetProperty("field").GetString()!, cell.GetProperty("value").GetString()!)).ToList())];
            }
        }
    }

    private Task<JsonDocument> Call(string operation, JsonObject body) => _logs.InvokeJsonAsync(operation, body, CancellationToken.None);

    private async Task<List<JsonElement>> AllPages(string operation, JsonObject request, string list)
    {
        var items = new List<JsonElement>();
        string? token = null;
        do
        {
            var body = (JsonObject)request.DeepClone();
            if (token is not null)
            {
                body["nextToken"] = token;
            }

            using var page = await Call(operation, body);
            items.AddRange(page.RootElement.GetProperty(list).EnumerateArray().Select(e => e.Clone()));
            token = page.RootElement.TryGetProperty("nextToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);
        return items;
    }
}
