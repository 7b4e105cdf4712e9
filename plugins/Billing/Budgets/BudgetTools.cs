using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.SecurityToken.Model;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Protocol;
using AwsMcp.Aws.Tools;
using AwsMcp.Billing.Shared;

namespace AwsMcp.Billing.Budgets;

/// <summary>AWS Budgets tools.</summary>
[Toolset("budgets")]
[AwsTarget(Region = false)]
public sealed class BudgetTools(ToolPackContext context)
{
    /// <summary>DescribeBudgets returns at most 100 budgets per request.</summary>
    private const int MaxPageSize = 100;

    private static readonly AwsServiceModel Model = AwsServiceModels.Budgets;

    private readonly AwsClientFactory _aws = AwsClientFactory.For(context);

    /// <summary>
    /// Lists budgets with actual and forecast spend. Use to check whether spend is on track.
    /// </summary>
    /// <param name="accountId">12-digit owner account; default: the caller's.</param>
    /// <param name="alertThresholdPercent">Percent that flags over_threshold.</param>
    /// <param name="limit"></param>
    /// <param name="nextToken"></param>
    /// <param name="detail">Add period and filters.</param>
    [Tool("list_budgets", Title = "List AWS budgets", ReadOnly = true, Idempotent = true)]
    public async Task<BudgetPage> ListBudgetsAsync(
        ToolContext ctx,
        [RegularExpression(@"\d{12}")] string? accountId = null,
        [Range(1, 1000)] int alertThresholdPercent = 80,
        [Narrows, Range(1, MaxPageSize)] int limit = ToolPaging.DefaultLimit,
        [Narrows, PageToken] string? nextToken = null,
        bool detail = false)
    {
        var owner = accountId ?? await CallerAccountAsync(ctx);
        var request = new JsonObject { ["AccountId"] = owner, ["MaxResults"] = limit };
        if (!string.IsNullOrEmpty(nextToken))
        {
            request["NextToken"] = nextToken;
        }

        var client = _aws.Protocol(Model, ctx);
        var target = _aws.Target(ctx, Model, "DescribeBudgets");
        using var answer = await AwsCall.ProtocolAsync(ctx, target, ct => client.InvokeJsonAsync("DescribeBudgets", request, ct));
        var root = answer.RootElement;
        var budgets = root.TryGetProperty("Budgets", out var list)
            ? list.EnumerateArray().Select(budget => Summarize(budget, alertThresholdPercent, detail)).ToList()
            : [];
        var token = root.TryGetProperty("NextToken", out var next) && next.GetString() is { Length: > 0 } value ? value : null;
        return new BudgetPage(
            owner,
            alertThresholdPercent,
            budgets,
            token,
            token is not null,
            budgets.Count(budget => budget.OverBudget),
            budgets.Count(budget => budget.ForecastOverBudget));
    }

    // Budgets wants the owning account id; like the prototype (and AWS's own billing server), default to the caller's.
    private async Task<string> CallerAccountAsync(ToolContext ctx)
    {
        var sts = _aws.Sts(ctx);
        var target = _aws.Target(ctx, "sts", "GetCallerIdentity");
        var identity = await AwsCall.SdkAsync(ctx, target, ct => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), ct));
        return identity.Account;
    }

    private static BudgetSummary Summarize(JsonElement budget, int thresholdPercent, bool detail)
    {
        var limit = Spend(budget, "BudgetLimit");
        var spend = budget.TryGetProperty("CalculatedSpend", out var calculated) ? calculated : default;
        var actual = Spend(spend, "ActualSpend");
        var forecast = Spend(spend, "ForecastedSpend");
        var percentUsed = limit is { } budgeted ? BillingAmounts.Percent(actual?.Amount ?? 0m, budgeted.Amount) : null;
        return new BudgetSummary(
            Text(budget, "BudgetName") ?? string.Empty,
            Text(budget, "BudgetType") ?? "COST",
            Text(budget, "TimeUnit") ?? "MONTHLY",
            limit?.Unit ?? actual?.Unit ?? "USD",
            limit?.Amount,
            actual?.Amount ?? 0m,
            forecast?.Amount,
            percentUsed,
            limit is { } cap && forecast is { } projected ? BillingAmounts.Percent(projected.Amount, cap.Amount) : null,
            limit is { } ceiling && (actual?.Amount ?? 0m) > ceiling.Amount,
            limit is { } top && forecast is { } expected && expected.Amount > top.Amount,
            percentUsed >= thresholdPercent,
            detail ? PeriodStart(budget) : null,
            detail ? Timestamp(budget, "LastUpdatedTime") : null,
            detail && budget.TryGetProperty("CostTypes", out var costTypes) ? costTypes.Clone() : null,
            detail && budget.TryGetProperty("CostFilters", out var costFilters) ? costFilters.Clone() : null);
    }

    private static (decimal Amount, string Unit)? Spend(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var spend)
            && decimal.TryParse(Text(spend, "Amount"), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
            ? (BillingAmounts.Money(amount), Text(spend, "Unit") ?? "USD")
            : null;

    private static string? PeriodStart(JsonElement budget) =>
        budget.TryGetProperty("TimePeriod", out var period) && Timestamp(period, "Start") is { } start
            ? BillingDates.ToText(DateOnly.FromDateTime(start.UtcDateTime))
            : null;

    // awsJson sends timestamps as epoch seconds (possibly fractional).
    private static DateTimeOffset? Timestamp(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(value.GetDouble() * 1000))
            : null;

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
