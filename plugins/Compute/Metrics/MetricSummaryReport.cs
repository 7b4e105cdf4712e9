namespace AwsMcp.Compute.Metrics;

/// <summary>A resource's metrics over a window.</summary>
/// <param name="ResourceId">The instance id or function name.</param>
/// <param name="Start">Window start (UTC), moved back to a whole period.</param>
/// <param name="End">Window end (UTC), moved back to a whole period.</param>
/// <param name="PeriodSeconds">Length of each period.</param>
/// <param name="Metrics">One summary per metric.</param>
public sealed record MetricSummaryReport(string ResourceId, DateTimeOffset Start, DateTimeOffset End, int PeriodSeconds, IReadOnlyList<MetricSummary> Metrics);
