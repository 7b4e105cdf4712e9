namespace AwsMcp.Billing.Costs;

/// <summary>A service whose cost changed between the compared periods.</summary>
/// <param name="BaseAmount">Cost in the base period.</param>
/// <param name="CompareAmount">Cost in the compared period.</param>
/// <param name="Change">Compare minus base.</param>
/// <param name="ChangePercent">Change relative to the base; absent when the service had no cost in the base period.</param>
public sealed record CostMover(string Service, decimal BaseAmount, decimal CompareAmount, decimal Change, decimal? ChangePercent);
