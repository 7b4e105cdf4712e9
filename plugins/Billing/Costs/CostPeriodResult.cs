namespace AwsMcp.Billing.Costs;

/// <summary>One period of a GetCostAndUsage answer: the total, or the amount per group key when grouped.</summary>
/// <param name="End">Exclusive, as Cost Explorer reports it.</param>
/// <param name="Estimated">Cost Explorer says the figures of this period may still change.</param>
public sealed record CostPeriodResult(
    DateOnly Start, DateOnly End, bool Estimated, decimal Total, string Unit, IReadOnlyDictionary<string, decimal> Groups);
