namespace AwsMcp.Billing.Costs;

/// <summary>Month-by-month cost of the last months.</summary>
/// <param name="Start">First day covered, YYYY-MM-DD.</param>
/// <param name="End">Last day covered, YYYY-MM-DD: today.</param>
/// <param name="Months">Oldest first; the last one is the current, partial month.</param>
/// <param name="Total">Sum of the months.</param>
/// <param name="CreditsAndRefundsIncluded">Whether credits and refunds are netted into the figures.</param>
/// <param name="FromCache">The figures come from the server's Cost Explorer cache (no new AWS charge).</param>
/// <param name="CacheAgeSeconds">How old the cached figures are.</param>
public sealed record EstimatedCostReport(
    CostMetric Metric,
    string Unit,
    string Start,
    string End,
    IReadOnlyList<MonthlyCost> Months,
    decimal Total,
    bool CreditsAndRefundsIncluded,
    bool FromCache,
    int CacheAgeSeconds);
