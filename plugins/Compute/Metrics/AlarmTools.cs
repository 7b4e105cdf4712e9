using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Protocol;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Compute.Metrics;

/// <summary>CloudWatch alarm tools: alarms by state, with their recent state changes.</summary>
/// <remarks>
/// Every tool takes <c>region</c> and <c>account</c>, resolved by the host into the <see cref="ToolContext"/>; <c>list_alarms</c> fans out
/// instead (<c>regions</c>, <c>accounts</c>): the host calls it once per target, each with its own context, and merges the
/// pages.
/// </remarks>
[Toolset("cloudwatch")]
[AwsTarget]
public sealed partial class AlarmTools(ToolPackContext pack)
{
    /// <summary>State changes shown per alarm.</summary>
    public const int RecentChanges = 3;

    /// <summary>Longer reasons are cut: CloudWatch lists every datapoint it evaluated.</summary>
    public const int MaxReasonChars = 300;

    // DescribeAlarms takes 1 to 100 per page.
    private const int MaxDescribePageSize = 100;

    private readonly CloudWatchApi _cloudWatch = CloudWatchApi.For(pack);

    /// <summary>
    /// CloudWatch alarms (default: in ALARM), with reason and recent changes. Use to see what is alarming.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="state"></param>
    /// <param name="namePrefix"></param>
    /// <param name="limit"></param>
    /// <param name="nextToken"></param>
    [AwsTarget(FanOut = true)]
    [Tool("list_alarms", Title = "List CloudWatch alarms", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    public async Task<ToolPage<AlarmSummary>> ListAlarmsAsync(
        ToolContext ctx,
        [Narrows] AlarmStateFilter state = AlarmStateFilter.Alarm,
        [Narrows, StringLength(255, MinimumLength = 1)] string? namePrefix = null,
        [Narrows, PageSize, Range(1, ToolPaging.MaxLimit)] int limit = ToolPaging.DefaultLimit,
        [Narrows, PageToken] string? nextToken = null)
    {
        var page = await PageCollector.CollectAsync(nextToken, limit, (1, MaxDescribePageSize), (token, size) =>
        {
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["AlarmTypes.member.1"] = "MetricAlarm",
                ["MaxRecords"] = size.ToString(CultureInfo.InvariantCulture),
            };
            if (StateValue(state) is { } value)
            {
                parameters["StateValue"] = value;
            }

            if (namePrefix is not null)
            {
                parameters["AlarmNamePrefix"] = namePrefix;
            }

            return _cloudWatch.PageAsync(ctx, "DescribeAlarms", parameters, "MetricAlarms", token);
        });

        // One history request per alarm on the page: DescribeAlarmHistory answers the newest changes of one alarm first.
        var alarms = new List<AlarmSummary>(page.Items.Count);
        foreach (var alarm in page.Items)
        {
            alarms.Add(await SummariseAsync(ctx, alarm));
        }

        return new ToolPage<AlarmSummary>(alarms, page.NextToken);
    }

    private async Task<AlarmSummary> SummariseAsync(ToolContext ctx, XElement alarm)
    {
        var name = AwsQueryXml.Text(alarm, "AlarmName") ?? string.Empty;
        var history = await _cloudWatch.QueryAsync(ctx, "DescribeAlarmHistory", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AlarmName"] = name,
            ["HistoryItemType"] = "StateUpdate",
            ["MaxRecords"] = RecentChanges.ToString(CultureInfo.InvariantCulture),
        });
        var reason = AwsQueryXml.Text(alarm, "StateReason");
        return new AlarmSummary(
            name,
            AwsQueryXml.Text(alarm, "StateValue") ?? string.Empty,
            AwsQueryXml.Date(alarm, "StateTransitionedTimestamp") ?? AwsQueryXml.Date(alarm, "StateUpdatedTimestamp"),
            reason is { Length: > MaxReasonChars } ? reason[..MaxReasonChars] + "…" : reason,
            AwsQueryXml.Text(alarm, "Namespace"),
            AwsQueryXml.Text(alarm, "MetricName"),
            AwsQueryXml.Members(alarm, "Dimensions").ToDictionary(
                dimension => AwsQueryXml.Text(dimension, "Name") ?? string.Empty,
                dimension => AwsQueryXml.Text(dimension, "Value") ?? string.Empty,
                StringComparer.Ordinal),
            Condition(alarm),
            [.. AwsQueryXml.Members(history, "AlarmHistoryItems").Select(ToChange).OfType<AlarmStateChange>()]);
    }

    private static string Condition(XElement alarm)
    {
        var statistic = AwsQueryXml.Text(alarm, "Statistic") ?? AwsQueryXml.Text(alarm, "ExtendedStatistic") ?? "metric math";
        var comparison = AwsQueryXml.Text(alarm, "ComparisonOperator") switch
        {
            "GreaterThanThreshold" => ">",
            "GreaterThanOrEqualToThreshold" => ">=",
            "LessThanThreshold" => "<",
            "LessThanOrEqualToThreshold" => "<=",
            var other => other ?? "?",
        };
        var threshold = AwsQueryXml.Double(alarm, "Threshold")?.ToString("0.###", CultureInfo.InvariantCulture) ?? AwsQueryXml.Text(alarm, "ThresholdMetricId");
        var evaluation = AwsQueryXml.Int(alarm, "EvaluationPeriods");
        var datapoints = AwsQueryXml.Int(alarm, "DatapointsToAlarm") ?? evaluation;
        return $"{statistic} {comparison} {threshold} for {datapoints} of {evaluation} x {AwsQueryXml.Int(alarm, "Period")}s";
    }

    /// <summary>A StateUpdate item: the states from its HistoryData, else from its summary ("Alarm updated from OK to ALARM").</summary>
    private static AlarmStateChange? ToChange(XElement item)
    {
        if (AwsQueryXml.Date(item, "Timestamp") is not { } time)
        {
            return null;
        }

        try
        {
            using var data = JsonDocument.Parse(AwsQueryXml.Text(item, "HistoryData") ?? "{}");
            if (data.RootElement.TryGetProperty("oldState", out var from) && data.RootElement.TryGetProperty("newState", out var to)
                && from.TryGetProperty("stateValue", out var fromValue) && to.TryGetProperty("stateValue", out var toValue))
            {
                return new AlarmStateChange(time, fromValue.GetString() ?? "?", toValue.GetString() ?? "?");
            }
        }
        catch (JsonException)
        {
            // Not JSON: the summary still says which way it went.
        }

        return SummaryStates().Match(AwsQueryXml.Text(item, "HistorySummary") ?? string.Empty) is { Success: true } match
            ? new AlarmStateChange(time, match.Groups[1].Value, match.Groups[2].Value)
            : null;
    }

    private static string? StateValue(AlarmStateFilter state) => state switch
    {
        AlarmStateFilter.Alarm => "ALARM",
        AlarmStateFilter.Ok => "OK",
        AlarmStateFilter.InsufficientData => "INSUFFICIENT_DATA",
        _ => null,
    };

    [GeneratedRegex("from ([A-Z_]+) to ([A-Z_]+)", RegexOptions.CultureInvariant)]
    private static partial Regex SummaryStates();
}
