namespace AwsMcp.Billing.Costs;

/// <summary>Two periods side by side, with the services that moved most.</summary>
/// <param name="Base">The earlier (reference) period.</param>
/// <param name="Compare">The period compared against the base.</param>
/// <param name="Change">Compare total minus base total.</param>
/// <param name="ChangePercent">Change relative to the base total.</param>
/// <param name="MoversByAmount">Services with the largest absolute change, either direction.</param>
/// <param name="MoversByPercent">Services with the largest relative change, either direction; services under 1 unit in both periods are left out as noise.</param>
/// <param name="CreditsAndRefundsIncluded">Whether credits and refunds are netted in.</param>
/// <param name="FromCache">Both periods come from the server's Cost Explorer cache (no new AWS charge).</param>
/// <param name="CacheAgeSeconds">How old the oldest cached figure is.</param>
public sealed record CostComparisonReport(
    CostMetric Metric,
    string Unit,
    PeriodTotal Base,
    PeriodTotal Compare,
    decimal Change,
    decimal? ChangePercent,
    IReadOnlyList<CostMover> MoversByAmount,
    IReadOnlyList<CostMover> MoversByPercent,
    bool CreditsAndRefundsIncluded,
    bool FromCache,
    int CacheAgeSeconds);
