using System.Text.Json;

namespace AwsMcp.Billing.Budgets;

/// <summary>One budget and how it stands in its current period.</summary>
/// <param name="Name">The budget's name.</param>
/// <param name="BudgetType">COST, USAGE, RI_UTILIZATION, … as AWS names it.</param>
/// <param name="TimeUnit">DAILY, MONTHLY, QUARTERLY or ANNUALLY.</param>
/// <param name="Unit">USD for cost budgets, the usage unit (e.g. Hrs) otherwise.</param>
/// <param name="Limit">The budgeted amount; absent for budgets planned period by period.</param>
/// <param name="Actual">Spend (or usage) so far in the current period.</param>
/// <param name="Forecast">AWS's forecast for the whole period; absent when AWS has none yet.</param>
/// <param name="PercentUsed">Actual as a percentage of the limit.</param>
/// <param name="ForecastPercent">Forecast as a percentage of the limit.</param>
/// <param name="OverBudget">Actual exceeds the limit.</param>
/// <param name="ForecastOverBudget">The forecast exceeds the limit.</param>
/// <param name="OverThreshold">Percent used reached the alert threshold of the call.</param>
/// <param name="PeriodStart">Detail: first day of the current period, YYYY-MM-DD.</param>
/// <param name="LastUpdated">Detail: when AWS last recalculated the figures.</param>
/// <param name="CostTypes">Detail: which charges the budget counts (credits, refunds, tax, …), as AWS returns them.</param>
/// <param name="CostFilters">Detail: the dimensions the budget is limited to, as AWS returns them.</param>
public sealed record BudgetSummary(
    string Name,
    string BudgetType,
    string TimeUnit,
    string Unit,
    decimal? Limit,
    decimal Actual,
    decimal? Forecast,
    decimal? PercentUsed,
    decimal? ForecastPercent,
    bool OverBudget,
    bool ForecastOverBudget,
    bool OverThreshold,
    string? PeriodStart = null,
    DateTimeOffset? LastUpdated = null,
    JsonElement? CostTypes = null,
    JsonElement? CostFilters = null);
