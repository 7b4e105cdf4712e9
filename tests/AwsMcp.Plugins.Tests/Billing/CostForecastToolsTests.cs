using AwsMcp.Plugins.Tests.Infrastructure;

namespace AwsMcp.Plugins.Tests.Billing;

/// <summary>get_cost_forecast and compare_costs against the seeded Cost Explorer data.</summary>
[Collection(SandboxCollection.Name)]
public sealed class CostForecastToolsTests(SandboxHostFixture fixture)
{
    [Fact]
    public async Task ForecastRunsToTheEndOfTheMonthWithAnIntervalAndTheProjectedMonthTotal()
    {
        await using var client = await fixture.ConnectAsync();

        var forecast = await client.CallJsonAsync("get_cost_forecast");

        Assert.Equal(BillingCalendar.Text(BillingCalendar.Today), forecast.GetProperty("start").GetString());
        Assert.Equal(BillingCalendar.Text(BillingCalendar.LastOfMonth(0)), forecast.GetProperty("end").GetString());
        Assert.Equal(80, forecast.GetProperty("prediction_interval_level").GetInt32());
        var mean = forecast.GetProperty("mean").GetDecimal();
        Assert.True(mean > 0);
        Assert.InRange(mean, forecast.GetProperty("lower_bound").GetDecimal(), forecast.GetProperty("upper_bound").GetDecimal());
        var monthToDate = forecast.GetProperty("month_to_date_actual").GetDecimal();
        BillingAssert.Close(monthToDate + mean, forecast.GetProperty("projected_month_total").GetDecimal(), 0.01m);
    }

    [Fact]
    public async Task AWiderIntervalLevelWidensTheInterval()
    {
        await using var client = await fixture.ConnectAsync();
        var end = BillingCalendar.Text(BillingCalendar.LastOfMonth(2));

        var narrow = await client.CallJsonAsync("get_cost_forecast", new { end_date = end, prediction_interval_level = 60 });
        var wide = await client.CallJsonAsync("get_cost_forecast", new { end_date = end, prediction_interval_level = 95 });

        static decimal Width(System.Text.Json.JsonElement forecast) =>
            forecast.GetProperty("upper_bound").GetDecimal() - forecast.GetProperty("lower_bound").GetDecimal();
        Assert.True(Width(wide) > Width(narrow));
        Assert.Equal(3, wide.GetProperty("periods").GetArrayLength());
        Assert.False(wide.TryGetProperty("month_to_date_actual", out _));
    }

    [Fact]
    public async Task AForecastEndingInThePastIsRejectedNamingTheEndDate()
    {
        await using var client = await fixture.ConnectAsync();

        var error = await client.CallErrorAsync("get_cost_forecast", new { end_date = BillingCalendar.Text(BillingCalendar.Today.AddDays(-1)) });

        Assert.Contains("'end_date'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompareCostsDefaultsToLastMonthAgainstTheMonthBeforeAndFindsTheTrendingServices()
    {
        await using var client = await fixture.ConnectAsync();

        var comparison = await client.CallJsonAsync("compare_costs", new { top = 7 });

        Assert.Equal(BillingCalendar.Text(BillingCalendar.FirstOfMonth(-2)), comparison.GetProperty("base").GetProperty("start").GetString());
        Assert.Equal(BillingCalendar.Text(BillingCalendar.LastOfMonth(-2)), comparison.GetProperty("base").GetProperty("end").GetString());
        Assert.Equal(BillingCalendar.Text(BillingCalendar.FirstOfMonth(-1)), comparison.GetProperty("compare").GetProperty("start").GetString());
        var movers = comparison.GetProperty("movers_by_amount").EnumerateArray().ToDictionary(m => m.GetProperty("service").GetString()!, m => m.GetProperty("change").GetDecimal());
        Assert.True(movers["AWS Lambda"] > 0, "Lambda grows linearly in the seed");
        Assert.True(movers["Amazon Simple Storage Service"] < 0, "S3 drifts down in the seed");
        var change = comparison.GetProperty("compare").GetProperty("total").GetDecimal() - comparison.GetProperty("base").GetProperty("total").GetDecimal();
        BillingAssert.Close(change, comparison.GetProperty("change").GetDecimal(), 0.01m);
        var byAmount = comparison.GetProperty("movers_by_amount").EnumerateArray().Select(m => Math.Abs(m.GetProperty("change").GetDecimal())).ToList();
        Assert.Equal(byAmount.OrderDescending(), byAmount);
        var byPercent = comparison.GetProperty("movers_by_percent").EnumerateArray().Select(m => Math.Abs(m.GetProperty("change_percent").GetDecimal())).ToList();
        Assert.Equal(byPercent.OrderDescending(), byPercent);
    }

    [Fact]
    public async Task ACompareRangeWithoutABaseIsComparedWithTheSameLengthJustBefore()
    {
        await using var client = await fixture.ConnectAsync();
        var start = BillingCalendar.FirstOfMonth(-1);

        var comparison = await client.CallJsonAsync("compare_costs", new { compare_start = BillingCalendar.Text(start), compare_end = BillingCalendar.Text(start.AddDays(9)) });

        Assert.Equal(BillingCalendar.Text(start.AddDays(-10)), comparison.GetProperty("base").GetProperty("start").GetString());
        Assert.Equal(BillingCalendar.Text(start.AddDays(-1)), comparison.GetProperty("base").GetProperty("end").GetString());
    }

    [Fact]
    public async Task CompareCostsNamesAnInvalidPeriodBoundary()
    {
        await using var client = await fixture.ConnectAsync();

        var error = await client.CallErrorAsync("compare_costs", new { base_start = "2026-09-31" });

        Assert.Contains("'base_start'", error, StringComparison.Ordinal);
    }
}
