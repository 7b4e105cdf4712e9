namespace AwsMcp.Sandbox.Services.Budgets;

/// <summary>A seeded budget with fixed spend figures (the sandbox does not derive them from Cost Explorer data).</summary>
/// <param name="BudgetType">COST or USAGE.</param>
/// <param name="TimeUnit">DAILY, MONTHLY, QUARTERLY or ANNUALLY.</param>
public sealed record SeededBudget(string Account, string Name, string BudgetType, string TimeUnit, decimal Limit, string Unit, decimal Actual, decimal Forecast);
