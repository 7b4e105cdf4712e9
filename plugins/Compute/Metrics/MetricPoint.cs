namespace AwsMcp.Compute.Metrics;

/// <summary>One period of a metric: when it starts (UTC) and its value.</summary>
public sealed record MetricPoint(DateTimeOffset Start, double Value);
