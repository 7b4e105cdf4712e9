using AwsMcp.Plugins.Tests.Infrastructure;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Plugins.Tests.Billing;

/// <summary>get_estimated_cost and get_cost_by_service against the seeded Cost Explorer data.</summary>
[Collection(SandboxCollection.Name)]
public sealed class CostHistoryToolsTests(SandboxHostFixture fixture)
{
    [Fact]
    public async Task EstimatedCostShowsSixMonthsThroughTodayWithTheCurrentMonthEstimated()
    {
        await using var client = await fixture.ConnectAsync();

        var report = await client.CallJsonAsync("get_estimated_cost");

        Assert.Equal("unblended_cost", report.GetProperty("metric").GetString());
        Assert.Equal(BillingCalendar.Text(BillingCalendar.FirstOfMonth(-5)), report.GetProperty("start").GetString());
        Assert.Equal(BillingCalendar.Text(BillingCalendar.Today), report.GetProperty("end").GetString());
        var months = report.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(6, months.Count);
        Assert.Equal(BillingCalendar.FirstOfMonth(0).ToString("yyyy-MM", null), months[^1].GetProperty("month").GetString());
        Assert.True(months[^1].GetProperty("estimated").GetBoolean());
        Assert.False(months[0].GetProperty("estimated").GetBoolean());
        // Full seeded months cost thousands of dollars (about 96 USD a day before the three regions and two accounts).
        Assert.All(months.SkipLast(1), month => Assert.InRange(month.GetProperty("amount").GetDecimal(), 5_000m, 50_000m));
        BillingAssert.Close(months.Sum(month => month.GetProperty("amount").GetDecimal()), report.GetProperty("total").GetDecimal(), 0.05m);
        Assert.False(report.GetProperty("credits_and_refunds_included").GetBoolean());
    }

    [Fact]
    public async Task CreditsAndRefundsAreExcludedByDefaultAndLowerTheTotalWhenIncluded()
    {
        await using var client = await fixture.ConnectAsync();

        var excluded = await client.CallJsonAsync("get_estimated_cost", new { months = 5 });
        var included = await client.CallJsonAsync("get_estimated_cost", new { months = 5, include_credits_and_refunds = true });

        var difference = excluded.GetProperty("total").GetDecimal() - included.GetProperty("total").GetDecimal();
        BillingAssert.Close(BillingCalendar.CreditsAndRefunds(5), difference, 0.02m);
        Assert.True(included.GetProperty("credits_and_refunds_included").GetBoolean());
    }

    [Fact]
    public async Task ASecondIdenticalQueryComesFromTheCacheWithoutAnotherCostExplorerRequest()
    {
        await using var client = await fixture.ConnectAsync();
        var arguments = new { months = 7, metric = "amortized_cost" };

        var first = await client.CallJsonAsync("get_estimated_cost", arguments);
        var requestsAfterFirst = CostExplorerRequests();
        var second = await client.CallJsonAsync("get_estimated_cost", arguments);

        Assert.False(first.GetProperty("from_cache").GetBoolean());
        Assert.True(second.GetProperty("from_cache").GetBoolean());
        Assert.InRange(second.GetProperty("cache_age_seconds").GetInt32(), 0, 300);
        Assert.Equal(first.GetProperty("total").GetDecimal(), second.GetProperty("total").GetDecimal());
        Assert.Equal(requestsAfterFirst, CostExplorerRequests());
    }

    [Fact]
    public async Task AmortizedCostIsBelowUnblendedCostBecauseOfTheComputeSavingsPlan()
    {
        await using var client = await fixture.ConnectAsync();

        var unblended = await client.CallJsonAsync("get_estimated_cost", new { months = 3 });
        var amortized = await client.CallJsonAsync("get_estimated_cost", new { months = 3, metric = "amortized_cost" });

        Assert.Equal("amortized_cost", amortized.GetProperty("metric").GetString());
        Assert.True(amortized.GetProperty("total").GetDecimal() < unblended.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task EstimatedCostRejectsAnOutOfRangeMonthCountNamingTheArgument()
    {
        await using var client = await fixture.ConnectAsync();

        var error = await client.CallErrorAsync("get_estimated_cost", new { months = 15 });

        Assert.Contains("months", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CostByServiceListsTheTopServicesAndSumsTheRestAsOther()
    {
        await using var client = await fixture.ConnectAsync();

        var report = await client.CallJsonAsync("get_cost_by_service", LastMonth(new Dictionary<string, object?> { ["top"] = 3 }));

        var services = report.GetProperty("services").EnumerateArray().ToList();
        Assert.Equal(4, services.Count);
        var listed = services.SkipLast(1).Select(s => s.GetProperty("amount").GetDecimal()).ToList();
        Assert.Equal(listed.OrderDescending(), listed);
        // The seed's three biggest: EC2 compute, RDS (×1.8 for the last 60 days) and S3.
        Assert.Equal(["Amazon Elastic Compute Cloud - Compute", "Amazon Relational Database Service", "Amazon Simple Storage Service"], services.Take(3).Strings("service").Order());
        Assert.Equal("Other", services[^1].GetProperty("service").GetString());
        Assert.Equal(4, report.GetProperty("other_services_count").GetInt32());
        BillingAssert.Close(report.GetProperty("total").GetDecimal(), services.Sum(s => s.GetProperty("amount").GetDecimal()), 0.05m);
        BillingAssert.Close(100m, services.Sum(s => s.GetProperty("share_percent").GetDecimal()), 0.5m);
        Assert.False(services[0].TryGetProperty("periods", out _));
    }

    [Fact]
    public async Task CostByServiceDefaultsToTheCurrentMonthSoFar()
    {
        await using var client = await fixture.ConnectAsync();

        var report = await client.CallJsonAsync("get_cost_by_service");

        Assert.Equal(BillingCalendar.Text(BillingCalendar.FirstOfMonth(0)), report.GetProperty("start").GetString());
        Assert.Equal(BillingCalendar.Text(BillingCalendar.Today), report.GetProperty("end").GetString());
        Assert.Equal("total", report.GetProperty("granularity").GetString());
    }

    [Fact]
    public async Task DailyGranularityGivesEachServiceOneAmountPerDay()
    {
        await using var client = await fixture.ConnectAsync();

        var report = await client.CallJsonAsync("get_cost_by_service", LastMonth(new Dictionary<string, object?> { ["granularity"] = "daily", ["top"] = 2 }));

        var days = BillingCalendar.LastOfMonth(-1).Day;
        Assert.All(report.GetProperty("services").EnumerateArray(), service => Assert.Equal(days, service.GetProperty("periods").GetArrayLength()));
    }

    [Theory]
    [InlineData("linked_account", "210987654321", 0.3 / 1.3)]
    [InlineData("usage_region", "eu-west-1", 0.45 / 1.65)]
    public async Task FiltersKeepOnlyTheirShareOfTheCost(string filter, string value, double expectedShare)
    {
        await using var client = await fixture.ConnectAsync();

        var all = await client.CallJsonAsync("get_cost_by_service", LastMonth([]));
        var filtered = await client.CallJsonAsync("get_cost_by_service", LastMonth(new Dictionary<string, object?> { [filter] = value }));

        var share = filtered.GetProperty("total").GetDecimal() / all.GetProperty("total").GetDecimal();
        BillingAssert.Close((decimal)expectedShare, share, 0.001m);
    }

    [Fact]
    public async Task ATagFilterKeepsTheTaggedShare()
    {
        await using var client = await fixture.ConnectAsync();

        var all = await client.CallJsonAsync("get_cost_by_service", LastMonth([]));
        var prod = await client.CallJsonAsync("get_cost_by_service", LastMonth(new Dictionary<string, object?> { ["tag_key"] = "Environment", ["tag_value"] = "prod" }));

        BillingAssert.Close(0.7m, prod.GetProperty("total").GetDecimal() / all.GetProperty("total").GetDecimal(), 0.001m);
    }

    [Theory]
    [InlineData("start_date", "2026-13-01", "start_date")]
    [InlineData("end_date", "yesterday", "end_date")]
    [InlineData("linked_account", "12345", "linked_account")]
    [InlineData("tag_key", "Environment", "tag_value")]
    public async Task CostByServiceNamesTheArgumentItRejects(string argument, string value, string named)
    {
        await using var client = await fixture.ConnectAsync();

        var error = await client.CallErrorAsync("get_cost_by_service", new Dictionary<string, object?> { [argument] = value });

        Assert.Contains($"'{named}'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEndBeforeTheStartIsRejectedNamingTheEnd()
    {
        await using var client = await fixture.ConnectAsync();

        var error = await client.CallErrorAsync("get_cost_by_service", new { start_date = "2026-06-10", end_date = "2026-06-01" });

        Assert.Contains("'end_date'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThrottledCostExplorerIsAClearToolError()
    {
        await using var client = await fixture.ConnectAsync();
        using var fault = SandboxFaultScope.Start(fixture.Sandbox, "ce", "GetCostAndUsage", SandboxFault.Throttling("ce"));

        // A query no other test makes, so the cache cannot answer it.
        var error = await client.CallErrorAsync("get_estimated_cost", new { months = 2, metric = "net_unblended_cost" });

        Assert.Contains("throttling ce:GetCostAndUsage", error, StringComparison.Ordinal);
    }

    private static Dictionary<string, object?> LastMonth(Dictionary<string, object?> arguments)
    {
        arguments["start_date"] = BillingCalendar.Text(BillingCalendar.FirstOfMonth(-1));
        arguments["end_date"] = BillingCalendar.Text(BillingCalendar.LastOfMonth(-1));
        return arguments;
    }

    private int CostExplorerRequests() => fixture.Sandbox.RequestLog.Count(entry => entry.Service == "ce");
}
