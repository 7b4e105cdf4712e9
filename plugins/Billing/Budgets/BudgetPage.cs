namespace AwsMcp.Billing.Budgets;

/// <summary>A page of budgets with the totals of their flags.</summary>
/// <param name="AccountId">The AWS account whose budgets these are.</param>
/// <param name="AlertThresholdPercent">The percent-used level that sets <c>over_threshold</c>.</param>
/// <param name="Items">The budgets on this page, in AWS order.</param>
/// <param name="NextToken">Pass as next_token for the next page; absent on the last page.</param>
/// <param name="HasMore">More budgets follow.</param>
/// <param name="OverBudgetCount">Budgets on this page whose actual exceeds the limit.</param>
/// <param name="ForecastOverBudgetCount">Budgets on this page forecast to exceed the limit.</param>
public sealed record BudgetPage(
    string AccountId,
    decimal AlertThresholdPercent,
    IReadOnlyList<BudgetSummary> Items,
    string? NextToken,
    bool HasMore,
    int OverBudgetCount,
    int ForecastOverBudgetCount);
