namespace AwsMcp.Billing.Costs;

/// <summary>An amount in one day or month of a breakdown.</summary>
/// <param name="Start">The day, or the month's first day covered, YYYY-MM-DD.</param>
public sealed record PeriodAmount(string Start, decimal Amount);
