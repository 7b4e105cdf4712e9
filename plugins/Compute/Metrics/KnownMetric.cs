namespace AwsMcp.Compute.Metrics;

/// <summary>A metric whose unit is known and whose per-period statistic is the one that reads naturally (Sum for counts, Average for levels).</summary>
internal sealed record KnownMetric(string Name, string? Unit, string Statistic);
