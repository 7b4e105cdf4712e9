using System.ComponentModel.DataAnnotations;
using AwsMcp.Abstractions;

namespace AwsMcp.Billing.Costs;

/// <summary>Conversation starters that walk a model through the billing tools.</summary>
[Toolset("cost")]
public static class CostPrompts
{
    /// <summary>Reviews the AWS bill month by month: use at month end, or when the bill looks off.</summary>
    /// <param name="linkedAccount">Only this member account (12 digits); all accounts when empty.</param>
    [Prompt("monthly_cost_review", Title = "Monthly cost review")]
    public static string MonthlyCostReview([RegularExpression(@"\d{12}")] string? linkedAccount = null)
    {
        // Only the tools that take linked_account can be narrowed; the text says which figures still cover every account.
        var all = string.IsNullOrEmpty(linkedAccount);
        var whose = all ? string.Empty : $" of member account {linkedAccount}";
        var narrowed = all ? string.Empty : $" with linked_account \"{linkedAccount}\"";
        var scope = all
            ? string.Empty
            : $"\nget_estimated_cost, get_cost_forecast and list_budgets cannot be narrowed to one account: their figures cover every account this server sees, so say so next to them and lead with the figures for {linkedAccount}.";
        return $"""
            Review the AWS bill{whose} with this server's billing tools. Call them in this order:
            1. get_estimated_cost with months 6: the monthly totals of the last six months, the current month last (estimated true while it runs).
            2. compare_costs{narrowed}, leaving the dates at their defaults: last month against the month before, by service. Note change and change_percent, and the services in movers_by_amount and movers_by_percent.
            3. get_cost_by_service{narrowed}, leaving the dates at their defaults: this month so far, the top services first.
            4. get_cost_forecast with its defaults: projected_month_total is the expected bill for this month, between lower_bound and upper_bound of the forecast.
            5. list_budgets: the budgets with over_budget, forecast_over_budget or over_threshold true.{scope}

            Then present, in this order:
            - Three lines: last month's total and its change from the month before (amount and percent); this month so far and projected_month_total; the budgets at risk, or "none".
            - A table of the five biggest movers from movers_by_amount: service, base_amount, compare_amount, change, change_percent.
            - For each of the two biggest increases, one line on what to check next (usage growth, a new resource, a pricing or savings plan change).
            Give amounts in the unit the tools report, rounded to whole units. When from_cache is true, say how old the figures are (cache_age_seconds).
            """;
    }
}
