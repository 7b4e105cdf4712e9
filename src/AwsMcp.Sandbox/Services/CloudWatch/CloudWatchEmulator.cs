using System.Globalization;
using System.Xml.Linq;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Protocols;
using AwsMcp.Sandbox.Protocols.AwsQuery;
using AwsMcp.Sandbox.Services.Shared;
using static AwsMcp.Sandbox.Protocols.AwsQuery.QueryXml;

namespace AwsMcp.Sandbox.Services.CloudWatch;

/// <summary>
/// CloudWatch metrics and alarms (signing name <c>monitoring</c>, regional) over awsQuery, version 2010-08-01: the
/// classic protocol of the service, still in botocore's <c>protocols</c> list next to the newer awsJson1_0 and
/// Smithy RPC v2 CBOR. GetMetricData (MetricStat queries), ListMetrics, DescribeAlarms and DescribeAlarmHistory over
/// <see cref="MetricEstate"/>.
/// </summary>
public sealed class CloudWatchEmulator : QueryServiceEmulator
{
    /// <summary>ListMetrics answers 500 metrics per page, as AWS does.</summary>
    private const int MetricsPerPage = 500;

    /// <summary>Metrics are listed for two weeks after their last datapoint.</summary>
    private static readonly TimeSpan ListedFor = TimeSpan.FromDays(14);

    private static readonly string[] AlarmStates = [MetricAlarm.Ok, MetricAlarm.Alarm, MetricAlarm.InsufficientData];
    private static readonly string[] AlarmTypes = ["MetricAlarm", "CompositeAlarm"];
    private static readonly string[] HistoryItemTypes = ["ConfigurationUpdate", "StateUpdate", "Action", "AlarmContributorStateUpdate", "AlarmContributorAction"];

    private readonly SandboxContext _context;
    private readonly MetricEstate _estate;

    public CloudWatchEmulator(SandboxContext context)
        : base("monitoring", "2010-08-01", "http://monitoring.amazonaws.com/doc/2010-08-01/")
    {
        _context = context;
        _estate = MetricEstate.For(context);
        Register("GetMetricData", GetMetricData);
        Register("ListMetrics", ListMetrics);
        Register("DescribeAlarms", DescribeAlarms);
        Register("DescribeAlarmHistory", DescribeAlarmHistory);
    }

    private IEnumerable<XElement?> GetMetricData(SandboxRequest request, QueryParameters parameters)
    {
        var start = parameters.Time("StartTime") ?? throw Missing("StartTime");
        var end = parameters.Time("EndTime") ?? throw Missing("EndTime");
        if (start >= end)
        {
            throw MetricDataQuery.InvalidParameterValue("The parameter StartTime must be less than the parameter EndTime.");
        }

        var queries = parameters.Structures("MetricDataQueries").Select(MetricDataQuery.Parse).ToList();
        if (queries.Count is 0 or > 500)
        {
            throw QueryParameters.Invalid("MetricDataQueries", queries.Count.ToString(CultureInfo.InvariantCulture), "Member must have length between 1 and 500");
        }

        if (queries.GroupBy(query => query.Id).FirstOrDefault(ids => ids.Count() > 1) is { } duplicate)
        {
            throw MetricDataQuery.InvalidParameterValue($"The value {duplicate.Key} for parameter MetricDataQueries.member.N.Id is not unique.");
        }

        var scanBy = parameters.Optional("ScanBy") ?? "TimestampDescending";
        if (scanBy is not ("TimestampDescending" or "TimestampAscending"))
        {
            throw QueryParameters.Invalid("ScanBy", scanBy, "Member must satisfy enum value set: [TimestampDescending, TimestampAscending]");
        }

        var now = _context.Time.GetUtcNow();
        var resources = _estate.Resources(request.Principal.Account, request.Region);
        var results = queries.Where(query => query.ReturnData).Select(query =>
        {
            var points = query.Evaluate(resources, start, end, now);
            return (query, Points: scanBy == "TimestampAscending" ? points : [.. points.Reverse()]);
        }).ToList();

        // MaxDatapoints bounds one answer across every query; the token resumes at the next datapoint in query order.
        var scope = MetricDataScope(request);
        var total = results.Sum(result => result.Points.Count);
        var offset = parameters.Optional("NextToken") is { } token ? OffsetPaging.Decode(scope, token, total) ?? throw InvalidNextToken() : 0;
        var pageEnd = (int)Math.Min(total, (long)offset + (parameters.Int("MaxDatapoints", 1, int.MaxValue) ?? 100_800));
        var before = 0;
        var members = new List<object>();
        foreach (var (query, points) in results)
        {
            var shown = points.Take(Math.Clamp(pageEnd - before, 0, points.Count)).Skip(Math.Clamp(offset - before, 0, points.Count)).ToList();
            var complete = before + points.Count <= pageEnd;
            before += points.Count;
            members.Add(new object[]
            {
                Element("Id", query.Id),
                Element("Label", query.Label),
                Members("Timestamps", shown.Select(point => (object)XmlBody.Timestamp(point.Time))),
                Members("Values", shown.Select(point => (object)point.Value.ToString("R", CultureInfo.InvariantCulture))),
                Element("StatusCode", complete ? "Complete" : "PartialData"),
                new XElement("Messages"),
            });
        }

        var next = pageEnd < total ? OffsetPaging.Encode(scope, pageEnd) : null;
        return [Members("MetricDataResults", members), Optional("NextToken", next), new XElement("Messages")];
    }

    private IEnumerable<XElement?> ListMetrics(SandboxRequest request, QueryParameters parameters)
    {
        var metricNamespace = parameters.Optional("Namespace");
        var metricName = parameters.Optional("MetricName");
        var filters = parameters.Structures("Dimensions").Select(filter => (Name: filter.Required("Name"), Value: filter.Optional("Value"))).ToList();
        var recentlyActive = parameters.Optional("RecentlyActive");
        if (recentlyActive is not (null or "PT3H"))
        {
            throw QueryParameters.Invalid("RecentlyActive", recentlyActive, "Member must satisfy enum value set: [PT3H]");
        }

        var now = _context.Time.GetUtcNow();
        var activeSince = now - (recentlyActive is null ? ListedFor : TimeSpan.FromHours(3));
        var metrics = _estate.Resources(request.Principal.Account, request.Region)
            .Where(resource => (resource.Until ?? now) > activeSince && resource.From < now)
            .Where(resource => metricNamespace is null || resource.Namespace == metricNamespace)
            .Where(resource => filters.All(filter => filter.Name == resource.DimensionName && (filter.Value is null || filter.Value == resource.Id)))
            .SelectMany(resource => MetricDefinition.In(resource.Namespace).Select(definition => (Resource: resource, Definition: definition)))
            .Where(metric => metricName is null || metric.Definition.Name == metricName)
            .ToList();
        var scope = $"metrics|{metricNamespace}|{metricName}|{recentlyActive}|{string.Join(',', filters)}";
        var page = OffsetPaging.Take(metrics, parameters.Optional("NextToken"), MetricsPerPage, scope, InvalidNextToken);
        return
        [
            Members("Metrics", page.Items.Select(metric => new object[]
            {
                Element("Namespace", metric.Definition.Namespace),
                Element("MetricName", metric.Definition.Name),
                Members("Dimensions", [Dimension(new MetricDimension(metric.Resource.DimensionName, metric.Resource.Id))]),
            })),
            Optional("NextToken", page.NextToken),
        ];
    }

    private IEnumerable<XElement?> DescribeAlarms(SandboxRequest request, QueryParameters parameters)
    {
        var names = parameters.Members("AlarmNames");
        var prefix = parameters.Optional("AlarmNamePrefix");
        if (names.Count > 0 && prefix is not null)
        {
            throw new SandboxServiceException(400, "InvalidParameterCombination", "AlarmNamePrefix and AlarmNames cannot be specified together.");
        }

        var state = OneOf(parameters, "StateValue", AlarmStates);
        var types = parameters.Members("AlarmTypes");
        foreach (var type in types.Where(type => !AlarmTypes.Contains(type)))
        {
            throw QueryParameters.Invalid("AlarmTypes", type, "Member must satisfy enum value set: [CompositeAlarm, MetricAlarm]");
        }

        // Without AlarmTypes only metric alarms are described; the sandbox seeds no composite alarms.
        var metricAlarms = types.Count == 0 || types.Contains("MetricAlarm");
        var actionPrefix = parameters.Optional("ActionPrefix");
        var alarms = (metricAlarms ? _estate.Alarms(request.Principal.Account, request.Region) : [])
            .Where(alarm => names.Count == 0 || names.Contains(alarm.Name))
            .Where(alarm => prefix is null || alarm.Name.StartsWith(prefix, StringComparison.Ordinal))
            .Where(alarm => state is null || alarm.State == state)
            .Where(alarm => actionPrefix is null || alarm.ActionArn.StartsWith(actionPrefix, StringComparison.Ordinal))
            .ToList();
        var scope = $"alarms|{string.Join(',', names)}|{prefix}|{state}|{string.Join(',', types)}|{actionPrefix}";
        var page = OffsetPaging.Take(alarms, parameters.Optional("NextToken"), parameters.Int("MaxRecords", 1, 100) ?? 50, scope, InvalidNextToken);
        return
        [
            Members("MetricAlarms", page.Items.Select(AlarmContent)),
            types.Contains("CompositeAlarm") ? Members("CompositeAlarms", []) : null,
            Optional("NextToken", page.NextToken),
        ];
    }

    private IEnumerable<XElement?> DescribeAlarmHistory(SandboxRequest request, QueryParameters parameters)
    {
        var name = parameters.Optional("AlarmName");
        var itemType = OneOf(parameters, "HistoryItemType", HistoryItemTypes);
        var start = parameters.Time("StartDate") ?? DateTimeOffset.MinValue;
        var end = parameters.Time("EndDate") ?? DateTimeOffset.MaxValue;
        var scanBy = parameters.Optional("ScanBy") ?? "TimestampDescending";
        if (scanBy is not ("TimestampDescending" or "TimestampAscending"))
        {
            throw QueryParameters.Invalid("ScanBy", scanBy, "Member must satisfy enum value set: [TimestampDescending, TimestampAscending]");
        }

        var items = _estate.Alarms(request.Principal.Account, request.Region)
            .Where(alarm => name is null || alarm.Name == name)
            .SelectMany(alarm => alarm.History)
            .Where(item => (itemType is null || item.ItemType == itemType) && item.Timestamp >= start && item.Timestamp <= end)
            .OrderByDescending(item => item.Timestamp)
            .ToList();
        if (scanBy == "TimestampAscending")
        {
            items.Reverse();
        }

        var scope = $"history|{name}|{itemType}|{start.UtcTicks}|{end.UtcTicks}|{scanBy}";
        var page = OffsetPaging.Take(items, parameters.Optional("NextToken"), parameters.Int("MaxRecords", 1, 100) ?? 100, scope, InvalidNextToken);
        return
        [
            Members("AlarmHistoryItems", page.Items.Select(item => new object[]
            {
                Element("AlarmName", item.AlarmName),
                Element("AlarmType", "MetricAlarm"),
                Element("Timestamp", item.Timestamp),
                Element("HistoryItemType", item.ItemType),
                Element("HistorySummary", item.Summary),
                Element("HistoryData", item.Data),
            })),
            Optional("NextToken", page.NextToken),
        ];
    }

    private static object?[] AlarmContent(MetricAlarm alarm) =>
    [
        Element("AlarmName", alarm.Name),
        Element("AlarmArn", alarm.Arn),
        Element("AlarmDescription", alarm.Description),
        Element("AlarmConfigurationUpdatedTimestamp", alarm.Created),
        Element("ActionsEnabled", true),
        Members("OKActions", []),
        Members("AlarmActions", [alarm.ActionArn]),
        Members("InsufficientDataActions", []),
        Element("StateValue", alarm.State),
        Element("StateReason", alarm.StateReason),
        Element("StateUpdatedTimestamp", alarm.StateUpdated),
        Element("MetricName", alarm.MetricName),
        Element("Namespace", alarm.Namespace),
        Element(alarm.IsExtendedStatistic ? "ExtendedStatistic" : "Statistic", alarm.Statistic),
        Members("Dimensions", [Dimension(alarm.Dimension)]),
        Element("Period", alarm.Period),
        Optional("Unit", alarm.Unit),
        Element("EvaluationPeriods", alarm.EvaluationPeriods),
        Element("DatapointsToAlarm", alarm.DatapointsToAlarm),
        Element("Threshold", alarm.Threshold),
        Element("ComparisonOperator", alarm.ComparisonOperator),
        Element("TreatMissingData", "missing"),
        Element("StateTransitionedTimestamp", alarm.StateUpdated),
    ];

    private static object[] Dimension(MetricDimension dimension) => [Element("Name", dimension.Name), Element("Value", dimension.Value)];

    private static string? OneOf(QueryParameters parameters, string name, string[] values) =>
        parameters.Optional(name) is { } value && !values.Contains(value)
            ? throw QueryParameters.Invalid(name, value, $"Member must satisfy enum value set: [{string.Join(", ", values)}]")
            : parameters.Optional(name);

    /// <summary>A GetMetricData token belongs to the same queries and time range: everything but the paging fields.</summary>
    private static string MetricDataScope(SandboxRequest request) =>
        "data|" + SeedIds.Hex(string.Join('&', request.Form
            .Where(field => field.Key is not ("NextToken" or "MaxDatapoints"))
            .OrderBy(field => field.Key, StringComparer.Ordinal)
            .Select(field => field.Key + "=" + field.Value)), 16);

    private static SandboxServiceException Missing(string name) =>
        new(400, "MissingParameter", $"The request must contain the parameter {name}.");

    private static SandboxServiceException InvalidNextToken() => new(400, "InvalidNextToken", "The service couldn't process your request because the NextToken is not valid.");
}
