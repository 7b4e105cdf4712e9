using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Xml.Linq;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Protocol;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Compute.Metrics;

/// <summary>CloudWatch metric tools: a resource's metrics summarised for a model, and metric discovery.</summary>
/// <remarks>Every tool takes <c>region</c> and <c>account</c>, resolved by the host into the <see cref="ToolContext"/>.</remarks>
[Toolset("cloudwatch")]
[AwsTarget]
public sealed class MetricTools(ToolPackContext pack)
{
    /// <summary>The most metrics one summary covers: each takes up to five queries, and the answer stays small.</summary>
    public const int MaxMetrics = 8;

    // GetMetricData answers at most 100,800 datapoints a page; a summary needs a few dozen, so more pages mean a bug.
    private const int MaxDataPages = 5;

    // A level (CPU, duration) is summarised over every value published in the window, so a short peak shows; a count
    // or a volume over its period totals, the same figures as the periods, plus the window's total.
    private static readonly string[] LevelStatistics = ["Minimum", "Average", "Maximum", "p95"];
    private static readonly string[] TotalStatistics = ["Sum"];

    private readonly CloudWatchApi _cloudWatch = CloudWatchApi.For(pack);

    /// <summary>
    /// CloudWatch metrics of an EC2 instance or Lambda function: min/avg/max/p95, periods, trend. Use to see how busy
    /// or failing it is.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="resourceType"></param>
    /// <param name="resourceId">Instance id or function name.</param>
    /// <param name="metrics"></param>
    /// <param name="startTime">ISO 8601; default: end_time - 3h.</param>
    /// <param name="endTime"></param>
    [Tool("get_metric_summary", Title = "Summarise CloudWatch metrics", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    public async Task<MetricSummaryReport> GetMetricSummaryAsync(
        ToolContext ctx,
        MetricResourceType resourceType,
        [TargetResource, StringLength(64, MinimumLength = 1)] string resourceId,
        [Narrows, MaxLength(MaxMetrics)] IReadOnlyList<string>? metrics = null,
        [Narrows] DateTimeOffset? startTime = null,
        [Narrows] DateTimeOffset? endTime = null)
    {
        MetricCatalog.CheckId(resourceType, resourceId);
        var names = metrics is { Count: > 0 } ? metrics : MetricCatalog.Defaults(resourceType);
        for (var i = 0; i < names.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]) || names[i].Length > 255)
            {
                throw new ToolArgumentException($"metrics[{i}]", "must be a metric name of 1 to 255 characters.");
            }
        }

        var window = MetricWindow.Resolve(startTime, endTime, TimeProvider.System.GetUtcNow());
        ctx.Audit.Resource(resourceId);
        var known = names.Distinct(StringComparer.Ordinal).Select(name => MetricCatalog.Describe(resourceType, name)).ToList();
        var request = new MetricDataRequest(MetricCatalog.Namespace(resourceType), MetricCatalog.Dimension(resourceType), resourceId, window);
        var windowSeconds = (int)(window.End - window.Start).TotalSeconds;
        for (var i = 0; i < known.Count; i++)
        {
            request.Add(PeriodId(i), known[i].Name, known[i].Statistic, window.PeriodSeconds);
            foreach (var statistic in IsTotal(known[i]) ? TotalStatistics : LevelStatistics)
            {
                request.Add(WindowId(i, statistic), known[i].Name, statistic, windowSeconds);
            }
        }

        var series = await GetMetricDataAsync(ctx, request);
        return new MetricSummaryReport(resourceId, window.Start, window.End, window.PeriodSeconds, [.. known.Select((metric, i) =>
        {
            var periods = series.GetValueOrDefault(PeriodId(i)) ?? [];
            double? Whole(string statistic) => series.GetValueOrDefault(WindowId(i, statistic)) is [var only, ..] ? Round(only.Value) : null;
            var (min, avg, max, p95) = IsTotal(metric)
                ? OverPeriods([.. periods.Select(point => point.Value).Order()])
                : (Whole("Minimum"), Whole("Average"), Whole("Maximum"), Whole("p95"));
            return new MetricSummary(
                metric.Name,
                metric.Unit,
                metric.Statistic,
                min,
                avg,
                max,
                p95,
                IsTotal(metric) ? Whole("Sum") : null,
                Trend(periods),
                [.. periods.Select(point => point with { Value = Round(point.Value) })]);
        })]);
    }

    /// <summary>
    /// Lists CloudWatch metrics. Use to find metric names for get_metric_summary.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="metricNamespace">e.g. AWS/EC2.</param>
    /// <param name="metricName"></param>
    /// <param name="resourceId">Instance id or function name.</param>
    /// <param name="limit"></param>
    /// <param name="nextToken"></param>
    [Tool("list_metrics", Title = "List CloudWatch metrics", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    public async Task<ToolPage<MetricInfo>> ListMetricsAsync(
        ToolContext ctx,
        [Narrows, StringLength(255, MinimumLength = 1)] string? metricNamespace = null,
        [Narrows, StringLength(255, MinimumLength = 1)] string? metricName = null,
        [Narrows, StringLength(1024, MinimumLength = 1)] string? resourceId = null,
        [Narrows, Range(1, ToolPaging.MaxLimit)] int limit = ToolPaging.DefaultLimit,
        [Narrows, PageToken] string? nextToken = null)
    {
        // ListMetrics answers up to 500 metrics a page and takes no page size.
        return await PageCollector.CollectAsync(nextToken, limit, (500, 500), async (token, _) =>
        {
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            if (metricNamespace is not null)
            {
                parameters["Namespace"] = metricNamespace;
            }

            if (metricName is not null)
            {
                parameters["MetricName"] = metricName;
            }

            var page = await _cloudWatch.PageAsync(ctx, "ListMetrics", parameters, "Metrics", token);
            var found = page.Items.Select(ToMetric).Where(metric => resourceId is null || metric.Dimensions.Values.Contains(resourceId)).ToList();
            return new AwsPage<MetricInfo>(found, page.NextToken);
        });
    }

    /// <summary>Every page of the answer, the datapoints of each query id (oldest first).</summary>
    private async Task<Dictionary<string, List<MetricPoint>>> GetMetricDataAsync(ToolContext ctx, MetricDataRequest request)
    {
        var series = new Dictionary<string, List<MetricPoint>>(StringComparer.Ordinal);
        var parameters = new Dictionary<string, string>(request.Parameters, StringComparer.Ordinal);
        for (var page = 0; page < MaxDataPages; page++)
        {
            var result = await _cloudWatch.QueryAsync(ctx, "GetMetricData", parameters);
            foreach (var query in AwsQueryXml.Members(result, "MetricDataResults"))
            {
                var points = series.TryGetValue(AwsQueryXml.Text(query, "Id") ?? string.Empty, out var existing)
                    ? existing
                    : series[AwsQueryXml.Text(query, "Id") ?? string.Empty] = [];
                var times = AwsQueryXml.Members(query, "Timestamps").Select(time => DateTimeOffset.Parse(time.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));
                var values = AwsQueryXml.Members(query, "Values").Select(value => double.Parse(value.Value, NumberStyles.Float, CultureInfo.InvariantCulture));
                points.AddRange(times.Zip(values, (time, value) => new MetricPoint(time, value)));
            }

            if (AwsQueryXml.Text(result, "NextToken") is not { Length: > 0 } next)
            {
                break;
            }

            parameters["NextToken"] = next;
        }

        return series;
    }

    private static MetricInfo ToMetric(XElement metric) => new(
        AwsQueryXml.Text(metric, "Namespace") ?? string.Empty,
        AwsQueryXml.Text(metric, "MetricName") ?? string.Empty,
        AwsQueryXml.Members(metric, "Dimensions").ToDictionary(
            dimension => AwsQueryXml.Text(dimension, "Name") ?? string.Empty,
            dimension => AwsQueryXml.Text(dimension, "Value") ?? string.Empty,
            StringComparer.Ordinal));

    /// <summary>Rising or falling when the second half's mean differs from the first half's by more than a tenth of the largest value.</summary>
    private static MetricTrend? Trend(IReadOnlyList<MetricPoint> periods)
    {
        if (periods.Count < 3)
        {
            return null;
        }

        var half = periods.Count / 2;
        var change = periods.Skip(periods.Count - half).Average(point => point.Value) - periods.Take(half).Average(point => point.Value);
        var scale = periods.Max(point => Math.Abs(point.Value));
        return scale == 0 || Math.Abs(change) <= scale / 10 ? MetricTrend.Flat : change > 0 ? MetricTrend.Rising : MetricTrend.Falling;
    }

    /// <summary>Min, average, max and 95th percentile (nearest rank) of the sorted period values; nothing without periods.</summary>
    private static (double? Min, double? Avg, double? Max, double? P95) OverPeriods(List<double> sorted) =>
        sorted.Count == 0
            ? (null, null, null, null)
            : (Round(sorted[0]), Round(sorted.Average()), Round(sorted[^1]), Round(sorted[(int)Math.Ceiling(sorted.Count * 0.95) - 1]));

    private static double Round(double value) => Math.Round(value, 2);

    private static bool IsTotal(KnownMetric metric) => metric.Statistic == "Sum";

    private static string PeriodId(int metric) => $"m{metric}";

    private static string WindowId(int metric, string statistic) => $"w{metric}_{statistic.ToLowerInvariant()}";
}
