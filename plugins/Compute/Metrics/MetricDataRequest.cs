using System.Globalization;

namespace AwsMcp.Compute.Metrics;

/// <summary>
/// A GetMetricData request in awsQuery form: <c>MetricDataQueries.member.N.MetricStat…</c> for one resource's metrics,
/// each query named by an id the answer is matched on.
/// </summary>
internal sealed class MetricDataRequest(string metricNamespace, string dimension, string resourceId, MetricWindow window)
{
    private readonly Dictionary<string, string> _parameters = new(StringComparer.Ordinal)
    {
        ["StartTime"] = Time(window.Start),
        ["EndTime"] = Time(window.End),
        ["ScanBy"] = "TimestampAscending",
    };

    private int _count;

    public IReadOnlyDictionary<string, string> Parameters => _parameters;

    /// <summary>Adds a query for <paramref name="metric"/>'s <paramref name="statistic"/> per <paramref name="periodSeconds"/>.</summary>
    public void Add(string id, string metric, string statistic, int periodSeconds)
    {
        var prefix = $"MetricDataQueries.member.{++_count}.";
        _parameters[prefix + "Id"] = id;
        _parameters[prefix + "MetricStat.Metric.Namespace"] = metricNamespace;
        _parameters[prefix + "MetricStat.Metric.MetricName"] = metric;
        _parameters[prefix + "MetricStat.Metric.Dimensions.member.1.Name"] = dimension;
        _parameters[prefix + "MetricStat.Metric.Dimensions.member.1.Value"] = resourceId;
        _parameters[prefix + "MetricStat.Period"] = periodSeconds.ToString(CultureInfo.InvariantCulture);
        _parameters[prefix + "MetricStat.Stat"] = statistic;
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
