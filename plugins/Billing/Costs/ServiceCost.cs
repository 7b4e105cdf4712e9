namespace AwsMcp.Billing.Costs;

/// <summary>One service's cost in a range.</summary>
/// <param name="Service">The Cost Explorer service name, or <c>Other</c> for the services beyond the top ones, summed.</param>
/// <param name="Amount">Cost over the whole range.</param>
/// <param name="SharePercent">Share of the range's total.</param>
/// <param name="Periods">Per day or month, when a granularity other than total was asked for.</param>
public sealed record ServiceCost(string Service, decimal Amount, decimal? SharePercent, IReadOnlyList<PeriodAmount>? Periods);
