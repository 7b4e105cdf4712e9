namespace AwsMcp.Billing.Costs;

/// <summary>A compared period and its total.</summary>
/// <param name="Start">First day, YYYY-MM-DD.</param>
/// <param name="End">Last day included, YYYY-MM-DD.</param>
public sealed record PeriodTotal(string Start, string End, decimal Total);
