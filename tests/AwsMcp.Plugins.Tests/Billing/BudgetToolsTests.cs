using System.Text.Json;
using AwsMcp.Plugins.Tests.Infrastructure;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Plugins.Tests.Billing;

/// <summary>list_budgets against the seeded budgets of both sandbox accounts.</summary>
[Collection(SandboxCollection.Name)]
public sealed class BudgetToolsTests(SandboxHostFixture fixture)
{
    [Fact]
    public async Task ListsTheCallersBudgetsWithSpendAndFlags()
    {
        await using var client = await fixture.ConnectAsync();

        var page = await client.CallJsonAsync("list_budgets");

        Assert.Equal("123456789012", page.GetProperty("account_id").GetString());
        var budgets = page.GetProperty("items").EnumerateArray().ToDictionary(b => b.GetProperty("name").GetString()!);
        Assert.Equal(["annual-total", "data-lake-monthly", "dev-sandbox-monthly", "ec2-usage-hours", "team-platform-monthly"], budgets.Keys.Order());

        var over = budgets["team-platform-monthly"];
        Assert.True(over.GetProperty("over_budget").GetBoolean());
        Assert.Equal(115.3m, over.GetProperty("percent_used").GetDecimal());
        Assert.True(over.GetProperty("over_threshold").GetBoolean());

        var forecastOver = budgets["data-lake-monthly"];
        Assert.False(forecastOver.GetProperty("over_budget").GetBoolean());
        Assert.True(forecastOver.GetProperty("forecast_over_budget").GetBoolean());
        Assert.Equal(800m, forecastOver.GetProperty("limit").GetDecimal());
        Assert.Equal(512.40m, forecastOver.GetProperty("actual").GetDecimal());
        Assert.Equal(915.80m, forecastOver.GetProperty("forecast").GetDecimal());

        Assert.Equal("Hrs", budgets["ec2-usage-hours"].GetProperty("unit").GetString());
        Assert.False(budgets["dev-sandbox-monthly"].GetProperty("forecast_over_budget").GetBoolean());
        Assert.Equal(1, page.GetProperty("over_budget_count").GetInt32());
        Assert.Equal(2, page.GetProperty("forecast_over_budget_count").GetInt32());
        Assert.False(page.GetProperty("has_more").GetBoolean());
        Assert.False(over.TryGetProperty("cost_types", out _));
    }

    [Fact]
    public async Task TheAlertThresholdDecidesOverThreshold()
    {
        await using var client = await fixture.ConnectAsync();

        var page = await client.CallJsonAsync("list_budgets", new { alert_threshold_percent = 60 });

        var flagged = page.GetProperty("items").EnumerateArray().Where(b => b.GetProperty("over_threshold").GetBoolean()).Strings("name");
        // annual-total 80.6 %, data-lake 64.1 %, team-platform 115.3 %; dev-sandbox 28.1 % and ec2-usage-hours 42.8 % stay under.
        Assert.Equal(["annual-total", "data-lake-monthly", "team-platform-monthly"], flagged.Order());
    }

    [Fact]
    public async Task PagesThroughEveryBudget()
    {
        await using var client = await fixture.ConnectAsync();

        var (items, pages) = await client.CallAllPagesAsync("list_budgets", new Dictionary<string, object?> { ["limit"] = 2 });

        Assert.Equal(5, items.Count);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task DetailAddsThePeriodAndCostTypes()
    {
        await using var client = await fixture.ConnectAsync();

        var page = await client.CallJsonAsync("list_budgets", new { detail = true, limit = 1 });

        var budget = page.GetProperty("items")[0];
        Assert.Equal(JsonValueKind.False, budget.GetProperty("cost_types").GetProperty("IncludeCredit").ValueKind);
        Assert.Matches(@"^\d{4}-\d{2}-01$", budget.GetProperty("period_start").GetString());
        Assert.True(budget.TryGetProperty("last_updated", out _));
    }

    [Fact]
    public async Task ANamedAccountListsThatAccountsBudgetsThroughItsRole()
    {
        await using var client = await fixture.ConnectAsync();

        var page = await client.CallJsonAsync("list_budgets", new { account = SandboxHostFixture.SharedAccount });

        Assert.Equal("210987654321", page.GetProperty("account_id").GetString());
        Assert.Equal(["shared-services-monthly"], page.GetProperty("items").EnumerateArray().Strings("name"));
    }

    [Fact]
    public async Task AnotherAccountsBudgetsAreRefusedAsAClearError()
    {
        await using var client = await fixture.ConnectAsync();

        var error = await client.CallErrorAsync("list_budgets", new { account_id = "210987654321" });

        Assert.Contains("Access denied", error, StringComparison.Ordinal);
        Assert.Contains("budgets:DescribeBudgets", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMalformedAccountIdIsRejectedNamingTheArgument()
    {
        await using var client = await fixture.ConnectAsync();

        var error = await client.CallErrorAsync("list_budgets", new { account_id = "12345" });

        Assert.Contains("account_id", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABudgetsOutageIsAClearToolError()
    {
        await using var client = await fixture.ConnectAsync();
        using var fault = SandboxFaultScope.Start(fixture.Sandbox, "budgets", "DescribeBudgets", SandboxFault.ServiceUnavailable);

        var error = await client.CallErrorAsync("list_budgets");

        Assert.Contains("internal error in budgets:DescribeBudgets", error, StringComparison.Ordinal);
    }
}
