namespace AwsMcp.Compute.Metrics;

/// <summary>One metric over the window.</summary>
/// <param name="Name">The metric name.</param>
/// <param name="Unit">Percent, Bytes, Count, Milliseconds…; absent when unknown.</param>
/// <param name="Statistic">The statistic of each period's value (Sum for counts and bytes, Average for levels).</param>
/// <param name="Min">Lowest value in the window (of the period totals for summed metrics).</param>
/// <param name="Avg">Average value in the window (of the period totals for summed metrics).</param>
/// <param name="Max">Highest value in the window (of the period totals for summed metrics).</param>
/// <param name="P95">95th percentile in the window (of the period totals for summed metrics).</param>
/// <param name="Sum">Total over the window (summed metrics only).</param>
/// <param name="Trend">Second half against first half of the periods; absent with fewer than 3 periods of data.</param>
/// <param name="Periods">The periods with data, oldest first; none when the metric published nothing.</param>
public sealed record MetricSummary(
    string Name,
    string? Unit,
    string Statistic,
    double? Min,
    double? Avg,
    double? Max,
    double? P95,
    double? Sum,
    MetricTrend? Trend,
    IReadOnlyList<MetricPoint> Periods);
