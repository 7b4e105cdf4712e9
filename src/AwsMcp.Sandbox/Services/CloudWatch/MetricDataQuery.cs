using System.Text.RegularExpressions;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Protocols.AwsQuery;

namespace AwsMcp.Sandbox.Services.CloudWatch;

/// <summary>
/// One <c>MetricDataQueries</c> member of GetMetricData with a <c>MetricStat</c> (metric math and Metrics Insights
/// expressions are refused), and its evaluation: one datapoint per period that has published values, the periods
/// starting at the start time rounded down as CloudWatch rounds it (to the minute for the last 15 days, to five
/// minutes up to 63 days, to the hour before that), values sampled at the metric's own interval (coarser for older
/// data, as CloudWatch rolls data up).
/// </summary>
internal sealed partial record MetricDataQuery(
    string Id,
    string Label,
    string Namespace,
    string MetricName,
    IReadOnlyList<MetricDimension> Dimensions,
    int Period,
    MetricStatistic Statistic,
    string? Unit,
    bool ReturnData)
{
    /// <summary>How far back CloudWatch keeps data (hourly data: 455 days).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(455);

    public static MetricDataQuery Parse(QueryParameters query)
    {
        var id = query.Required("Id");
        if (!IdPattern().IsMatch(id))
        {
            throw InvalidParameterValue($"The value {id} for parameter {query.Path}Id is not valid: it must start with a lower-case letter and contain only letters, numbers and underscores.");
        }

        if (query.Optional("Expression") is not null)
        {
            throw InvalidParameterValue($"The parameter {query.Path}Expression is not supported by the sandbox: it evaluates MetricStat queries only, not metric math or Metrics Insights.");
        }

        var name = query.Required("MetricStat.Metric.MetricName");
        var period = query.Int("MetricStat.Period", 1, int.MaxValue) ?? throw new SandboxServiceException(400, "MissingParameter", $"The request must contain the parameter {query.Path}MetricStat.Period.");
        if (period is not (1 or 5 or 10 or 30) && period % 60 != 0)
        {
            throw InvalidParameterValue($"The parameter {query.Path}MetricStat.Period must be 1, 5, 10, 30 or a multiple of 60.");
        }

        var stat = query.Required("MetricStat.Stat");
        return new MetricDataQuery(
            id,
            query.Optional("Label") ?? name,
            query.Required("MetricStat.Metric.Namespace"),
            name,
            [.. query.Structures("MetricStat.Metric.Dimensions").Select(dimension => new MetricDimension(dimension.Required("Name"), dimension.Required("Value")))],
            period,
            MetricStatistic.Parse(stat) ?? throw InvalidParameterValue($"The value {stat} for parameter {query.Path}MetricStat.Stat is not a valid statistic."),
            query.Optional("MetricStat.Unit"),
            query.Bool("ReturnData") ?? true);
    }

    public static SandboxServiceException InvalidParameterValue(string message) => new(400, "InvalidParameterValue", message);

    /// <summary>The datapoints between <paramref name="start"/> and <paramref name="end"/>, oldest first; none for a metric nothing publishes.</summary>
    public IReadOnlyList<(DateTimeOffset Time, double Value)> Evaluate(IReadOnlyList<MetricResource> resources, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now)
    {
        var definition = MetricDefinition.In(Namespace).FirstOrDefault(metric => metric.Name == MetricName);
        // Every seeded metric has exactly one dimension: a query names it and nothing else, or matches no metric.
        var resource = Dimensions is [var only]
            ? resources.FirstOrDefault(r => r.Namespace == Namespace && r.DimensionName == only.Name && r.Id == only.Value)
            : null;
        if (definition is null || resource is null || (Unit is not null && Unit != definition.Unit))
        {
            return [];
        }

        var series = new MetricSeries(resource, MetricName);
        var period = TimeSpan.FromSeconds(Period);
        var published = resource.Until is { } until && until < now ? until : now;
        var points = new List<(DateTimeOffset, double)>();
        var values = new List<double>();
        for (var bucket = Floor(Max(start, now - Retention), RollUp(now - start)); bucket < end; bucket += period)
        {
            var step = Max(definition.Interval, RollUp(now - bucket));
            values.Clear();
            for (var time = Ceiling(Max(bucket, resource.From), step); time < bucket + period && time + definition.Interval <= published; time += step)
            {
                if (series.At(time) is { } value)
                {
                    values.Add(value);
                }
            }

            if (values.Count > 0)
            {
                points.Add((bucket, Statistic.Compute(values)));
            }
        }

        return points;
    }

    /// <summary>The resolution CloudWatch keeps data of this age at.</summary>
    private static TimeSpan RollUp(TimeSpan age) =>
        age <= TimeSpan.FromDays(15) ? TimeSpan.FromMinutes(1)
        : age <= TimeSpan.FromDays(63) ? TimeSpan.FromMinutes(5)
        : TimeSpan.FromHours(1);

    private static DateTimeOffset Floor(DateTimeOffset time, TimeSpan unit) =>
        new(time.UtcTicks - (time.UtcTicks % unit.Ticks), TimeSpan.Zero);

    private static DateTimeOffset Ceiling(DateTimeOffset time, TimeSpan unit) =>
        Floor(time, unit) is var floor && floor == time ? floor : floor + unit;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [GeneratedRegex("^[a-z][a-zA-Z0-9_]{0,254}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
