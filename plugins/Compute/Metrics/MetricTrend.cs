namespace AwsMcp.Compute.Metrics;

/// <summary>Which way a metric went over the window: the second half's mean against the first half's.</summary>
public enum MetricTrend
{
    Rising,
    Falling,
    Flat,
}
