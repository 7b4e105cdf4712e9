namespace AwsMcp.Billing.Costs;

/// <summary>Cost per service over a range, biggest first.</summary>
/// <param name="Start">First day, YYYY-MM-DD.</param>
/// <param name="End">Last day included, YYYY-MM-DD.</param>
/// <param name="Total">Cost of every service over the range.</param>
/// <param name="Services">The top services, then <c>Other</c> when more services had cost.</param>
/// <param name="OtherServicesCount">How many services <c>Other</c> sums.</param>
/// <param name="CreditsAndRefundsIncluded">Whether credits and refunds are netted in (they appear as the services they were booked to).</param>
/// <param name="FromCache">The figures come from the server's Cost Explorer cache (no new AWS charge).</param>
/// <param name="CacheAgeSeconds">How old the cached figures are.</param>
public sealed record ServiceCostReport(
    string Start,
    string End,
    CostGranularity Granularity,
    CostMetric Metric,
    string Unit,
    decimal Total,
    IReadOnlyList<ServiceCost> Services,
    int OtherServicesCount,
    bool CreditsAndRefundsIncluded,
    bool FromCache,
    int CacheAgeSeconds);
