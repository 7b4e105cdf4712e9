using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using AwsMcp.Aws.Protocol;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Services.CostExplorer;
using AwsMcp.Sandbox.Tests.Support;

namespace AwsMcp.Sandbox.Tests.ServiceEmulators;

public sealed class CostExplorerTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private static readonly DateOnly ThisMonth = new(Today.Year, Today.Month, 1);
    private readonly AwsProtocolClient _ce = ThinClients.For(fixture.Server, AwsServiceModels.CostExplorer);

    [Fact]
    public async Task Monthly_totals_cover_seven_months_and_excluding_credits_and_refunds_raises_them()
    {
        var request = Request(ThisMonth.AddMonths(-6), ThisMonth.AddMonths(1), "MONTHLY");
        using var all = await Call("GetCostAndUsage", request);
        var months = all.RootElement.GetProperty("ResultsByTime").EnumerateArray().ToList();
        Assert.Equal(7, months.Count);
        Assert.True(months[^1].GetProperty("Estimated").GetBoolean());
        Assert.False(months[0].GetProperty("Estimated").GetBoolean());
        Assert.All(months.SkipLast(1), m => Assert.True(Amount(m.GetProperty("Total"), "UnblendedCost") > 2000));

        request["Filter"] = new JsonObject { ["Not"] = new JsonObject { ["Dimensions"] = new JsonObject { ["Key"] = "RECORD_TYPE", ["Values"] = new JsonArray("Credit", "Refund") } } };
        using var net = await Call("GetCostAndUsage", request);
        var withoutCredits = net.RootElement.GetProperty("ResultsByTime").EnumerateArray().Select(m => Amount(m.GetProperty("Total"), "UnblendedCost")).ToList();
        var withCredits = months.Select(m => Amount(m.GetProperty("Total"), "UnblendedCost")).ToList();
        Assert.Equal(150m, withoutCredits[0] - withCredits[0]);
        Assert.Equal(150m - CostSeed.Refund, withoutCredits[4] - withCredits[4]);
    }

    [Fact]
    public async Task Group_by_service_shows_the_movers()
    {
        var request = Request(ThisMonth.AddMonths(-6), ThisMonth, "MONTHLY");
        request["GroupBy"] = new JsonArray(new JsonObject { ["Type"] = "DIMENSION", ["Key"] = "SERVICE" });
        using var response = await Call("GetCostAndUsage", request);
        var months = response.RootElement.GetProperty("ResultsByTime").EnumerateArray().ToList();
        Assert.Empty(months[0].GetProperty("Total").EnumerateObject());
        decimal Service(JsonElement month, string name) =>
            Amount(month.GetProperty("Groups").EnumerateArray().Single(g => g.GetProperty("Keys")[0].GetString() == name).GetProperty("Metrics"), "UnblendedCost");
        Assert.Equal(7, months[0].GetProperty("Groups").GetArrayLength());
        Assert.True(Service(months[^1], "AWS Lambda") > 3 * Service(months[0], "AWS Lambda"));
        Assert.True(Service(months[^1], "Amazon Relational Database Service") > 1.5m * Service(months[0], "Amazon Relational Database Service"));
        Assert.True(Service(months[^1], CostSeed.S3) < Service(months[0], CostSeed.S3));
    }

    [Fact]
    public async Task Tag_and_account_grouping_with_filters()
    {
        var request = Request(ThisMonth.AddMonths(-1), ThisMonth, "MONTHLY", "UnblendedCost", "UsageQuantity");
        request["GroupBy"] = new JsonArray(new JsonObject { ["Type"] = "TAG", ["Key"] = "Environment" }, new JsonObject { ["Type"] = "DIMENSION", ["Key"] = "LINKED_ACCOUNT" });
        request["Filter"] = new JsonObject
        {
            ["And"] = new JsonArray(
                new JsonObject { ["Dimensions"] = new JsonObject { ["Key"] = "REGION", ["Values"] = new JsonArray("eu-west-1") } },
                new JsonObject { ["Dimensions"] = new JsonObject { ["Key"] = "RECORD_TYPE", ["Values"] = new JsonArray("Usage") } }),
        };
        using var response = await Call("GetCostAndUsage", request);
        var groups = response.RootElement.GetProperty("ResultsByTime")[0].GetProperty("Groups").EnumerateArray().Select(g => string.Join("|", g.GetProperty("Keys").EnumerateArray().Select(k => k.GetString()))).ToList();
        Assert.Equal(["Environment$|123456789012", "Environment$|210987654321", "Environment$prod|123456789012", "Environment$prod|210987654321", "Environment$staging|123456789012", "Environment$staging|210987654321"], groups);
        Assert.Equal(2, response.RootElement.GetProperty("DimensionValueAttributes").GetArrayLength());

        var untagged = Request(ThisMonth.AddMonths(-1), ThisMonth, "MONTHLY");
        untagged["Filter"] = new JsonObject { ["Tags"] = new JsonObject { ["Key"] = "Environment", ["MatchOptions"] = new JsonArray("ABSENT") } };
        using var absent = await Call("GetCostAndUsage", untagged);
        Assert.True(Amount(absent.RootElement.GetProperty("ResultsByTime")[0].GetProperty("Total"), "UnblendedCost") > 0);
    }

    [Fact]
    public async Task Daily_results_page_with_NextPageToken_to_the_last_page()
    {
        var request = Request(ThisMonth.AddMonths(-3), ThisMonth, "DAILY");
        request["GroupBy"] = new JsonArray(new JsonObject { ["Type"] = "DIMENSION", ["Key"] = "SERVICE" });
        var days = new List<string>();
        var pages = 0;
        string? token = null;
        do
        {
            var body = (JsonObject)request.DeepClone();
            if (token is not null)
            {
                body["NextPageToken"] = token;
            }

            using var page = await Call("GetCostAndUsage", body);
            days.AddRange(page.RootElement.GetProperty("ResultsByTime").EnumerateArray().Select(r => r.GetProperty("TimePeriod").GetProperty("Start").GetString()!));
            token = page.RootElement.TryGetProperty("NextPageToken", out var next) ? next.GetString() : null;
            pages++;
        }
        while (token is not null);
        Assert.Equal(ThisMonth.DayNumber - ThisMonth.AddMonths(-3).DayNumber, days.Distinct().Count());
        Assert.True(pages >= 2);
    }

    [Fact]
    public async Task Forecast_to_the_end_of_the_month_has_a_prediction_interval()
    {
        var request = new JsonObject
        {
            ["TimePeriod"] = Period(Today, ThisMonth.AddMonths(2)),
            ["Metric"] = "UNBLENDED_COST",
            ["Granularity"] = "MONTHLY",
            ["PredictionIntervalLevel"] = 90,
        };
        using var response = await Call("GetCostForecast", request);
        var results = response.RootElement.GetProperty("ForecastResultsByTime").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        foreach (var result in results)
        {
            var mean = decimal.Parse(result.GetProperty("MeanValue").GetString()!, CultureInfo.InvariantCulture);
            Assert.InRange(mean, decimal.Parse(result.GetProperty("PredictionIntervalLowerBound").GetString()!, CultureInfo.InvariantCulture), decimal.Parse(result.GetProperty("PredictionIntervalUpperBound").GetString()!, CultureInfo.InvariantCulture));
        }

        Assert.True(Amount(response.RootElement, "Total") > 1000);
    }

    [Theory]
    [InlineData("GetCostAndUsage", """{"TimePeriod":{"Start":"2026-02-01","End":"2026-01-01"},"Granularity":"MONTHLY","Metrics":["UnblendedCost"]}""", "ValidationException")]
    [InlineData("GetCostAndUsage", """{"TimePeriod":{"Start":"2026-01-01","End":"2026-02-01"},"Granularity":"HOURLY","Metrics":["UnblendedCost"]}""", "ValidationException")]
    [InlineData("GetCostAndUsage", """{"TimePeriod":{"Start":"2026-01-01","End":"2026-02-01"},"Granularity":"MONTHLY","Metrics":["Bananas"]}""", "ValidationException")]
    [InlineData("GetCostAndUsage", """{"TimePeriod":{"Start":"2026-01-01","End":"2026-02-01"},"Granularity":"MONTHLY","Metrics":["UnblendedCost"],"GroupBy":[{"Type":"COST_CATEGORY","Key":"x"}]}""", "ValidationException")]
    [InlineData("GetCostAndUsage", """{"TimePeriod":{"Start":"2026-01-01","End":"2026-02-01"},"Granularity":"MONTHLY","Metrics":["UnblendedCost"],"Filter":{"Dimensions":{"Key":"SERVICE","Values":["x"]},"Tags":{"Key":"a","Values":["b"]}}}""", "ValidationException")]
    [InlineData("GetCostAndUsage", """{"TimePeriod":{"Start":"2026-01-01","End":"2026-02-01"},"Granularity":"MONTHLY","Metrics":["UnblendedCost"],"NextPageToken":"bogus"}""", "ValidationException")]
    [InlineData("GetCostAndUsage", """{"TimePeriod":{"Start":"2020-01-01","End":"2020-02-01"},"Granularity":"MONTHLY","Metrics":["UnblendedCost"]}""", "DataUnavailableException")]
    [InlineData("GetCostForecast", """{"TimePeriod":{"Start":"2020-01-01","End":"2020-02-01"},"Granularity":"MONTHLY","Metric":"UNBLENDED_COST"}""", "ValidationException")]
    public async Task Errors_map_to_codes(string operation, string body, string code) =>
        await AwsAssert.FailsWith<AmazonServiceException>(() => Call(operation, JsonNode.Parse(body)!.AsObject()), code, HttpStatusCode.BadRequest);

    [Fact]
    public async Task Forecast_without_history_is_DataUnavailable_and_limits_are_injected()
    {
        var request = new JsonObject
        {
            ["TimePeriod"] = Period(Today, Today.AddDays(5)),
            ["Metric"] = "UNBLENDED_COST",
            ["Granularity"] = "DAILY",
            ["Filter"] = new JsonObject { ["Dimensions"] = new JsonObject { ["Key"] = "SERVICE", ["Values"] = new JsonArray("Amazon Bananas") } },
        };
        await AwsAssert.FailsWith<AmazonServiceException>(() => Call("GetCostForecast", request), "DataUnavailableException", HttpStatusCode.BadRequest);

        fixture.Server.Faults.FailNext("ce", "GetCostAndUsage", new SandboxFault(400, "LimitExceededException", "You have exceeded the rate limit."));
        await AwsAssert.FailsWith<AmazonServiceException>(() => Call("GetCostAndUsage", Request(ThisMonth.AddMonths(-1), ThisMonth, "MONTHLY")), "LimitExceededException", HttpStatusCode.BadRequest);
    }

    private Task<JsonDocument> Call(string operation, JsonObject body) => _ce.InvokeJsonAsync(operation, body, CancellationToken.None);

    private static JsonObject Request(DateOnly start, DateOnly end, string granularity, params string[] metrics) =>
        new()
        {
            ["TimePeriod"] = Period(start, end),
            ["Granularity"] = granularity,
            ["Metrics"] = new JsonArray([.. (metrics.Length == 0 ? ["UnblendedCost"] : metrics).Select(m => (JsonNode)m)]),
        };

    private static JsonObject Period(DateOnly start, DateOnly end) =>
        new() { ["Start"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["End"] = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };

    private static decimal Amount(JsonElement metrics, string metric) =>
        decimal.Parse(metrics.GetProperty(metric).GetProperty("Amount").GetString()!, CultureInfo.InvariantCulture);
}
