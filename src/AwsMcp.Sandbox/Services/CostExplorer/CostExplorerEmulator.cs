using System.Text.Json.Nodes;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Protocols;
using AwsMcp.Sandbox.Protocols.AwsJson;

namespace AwsMcp.Sandbox.Services.CostExplorer;

/// <summary>
/// Cost Explorer (awsJson1_1, target prefix <c>AWSInsightsIndexService</c>; endpoint and signing region us-east-1):
/// GetCostAndUsage and GetCostForecast over <see cref="CostSeed"/>. The caller's account is the payer, so both linked
/// accounts are visible. Results page with <c>NextPageToken</c> once a page holds <see cref="MaxCellsPerPage"/>
/// period×group cells (whole periods only).
/// </summary>
public sealed class CostExplorerEmulator : JsonServiceEmulator
{
    public const int MaxCellsPerPage = 500;
    private const int LookbackMonths = 14;
    private static readonly string[] UsageMetrics = ["AmortizedCost", "BlendedCost", "NetAmortizedCost", "NetUnblendedCost", "NormalizedUsageAmount", "UnblendedCost", "UsageQuantity"];
    private static readonly Dictionary<string, string> ForecastMetrics = new(StringComparer.Ordinal)
    {
        ["AMORTIZED_COST"] = "AmortizedCost",
        ["BLENDED_COST"] = "BlendedCost",
        ["NET_AMORTIZED_COST"] = "NetAmortizedCost",
        ["NET_UNBLENDED_COST"] = "NetUnblendedCost",
        ["NORMALIZED_USAGE_AMOUNT"] = "NormalizedUsageAmount",
        ["UNBLENDED_COST"] = "UnblendedCost",
        ["USAGE_QUANTITY"] = "UsageQuantity",
    };

    private readonly SandboxContext _context;
    private readonly IReadOnlyList<CostRecord> _records;
    private readonly ILookup<DateOnly, CostRecord> _recordsByDay;

    public CostExplorerEmulator(SandboxContext context)
        : base("ce", "AWSInsightsIndexService", "ValidationException")
    {
        _context = context;
        _records = CostSeed.Build(DateOnly.FromDateTime(context.SeedTime.UtcDateTime));
        _recordsByDay = _records.ToLookup(record => record.Date);
        Register("GetCostAndUsage", GetCostAndUsage);
        Register("GetCostForecast", GetCostForecast);
    }

    private DateOnly Today => DateOnly.FromDateTime(_context.Time.GetUtcNow().UtcDateTime);

    private JsonNode GetCostAndUsage(SandboxRequest request, JsonInput input)
    {
        var range = CostPeriod.Read(input);
        if (range.Start < new DateOnly(Today.Year, Today.Month, 1).AddMonths(-LookbackMonths))
        {
            throw new SandboxServiceException(400, "DataUnavailableException", $"Cost data is only available for the last {LookbackMonths} months.");
        }

        var granularity = Granularity(input);
        var metrics = input.StringList("Metrics");
        if (metrics.Count == 0)
        {
            throw input.Invalid("1 validation error detected: Value null at 'metrics' failed to satisfy constraint: Member must not be null");
        }

        if (metrics.FirstOrDefault(metric => !UsageMetrics.Contains(metric)) is { } unknown)
        {
            throw input.Invalid($"Metric {unknown} is invalid. Valid metrics: {string.Join(", ", UsageMetrics)}.");
        }

        var filter = CostFilter.Parse(input.Body["Filter"], input);
        var groupBys = CostGroupBy.Parse(input.Body["GroupBy"], input);
        var periods = range.Split(granularity);
        var firstOfMonth = new DateOnly(Today.Year, Today.Month, 1);

        var cells = new Dictionary<(int Period, string Key), decimal[]>();
        var current = 0;
        for (var day = range.Start; day < range.End; day = day.AddDays(1))
        {
            current += periods[current].End <= day ? 1 : 0;
            foreach (var record in _recordsByDay[day].Where(filter))
            {
                var key = string.Join('\u0001', groupBys.Select(group => group.KeyOf(record)));
                if (!cells.TryGetValue((current, key), out var sums))
                {
                    sums = new decimal[metrics.Count];
                    cells[(current, key)] = sums;
                }

                for (var m = 0; m < metrics.Count; m++)
                {
                    sums[m] += record.Metric(metrics[m]);
                }
            }
        }

        JsonObject MetricValues(decimal[]? sums) =>
            new([.. metrics.Select((metric, m) => KeyValuePair.Create(metric, (JsonNode?)CostAmounts.Value(sums?[m] ?? 0m, CostAmounts.Unit(metric))))]);

        var results = periods.Select((period, index) =>
        {
            var groups = cells.Where(cell => cell.Key.Period == index).OrderBy(cell => cell.Key.Key, StringComparer.Ordinal).ToList();
            var result = new JsonObject
            {
                ["TimePeriod"] = period.ToJson(),
                ["Total"] = groupBys.Count == 0 ? MetricValues(groups.FirstOrDefault().Value) : new JsonObject(),
                ["Groups"] = new JsonArray([.. (groupBys.Count == 0 ? [] : groups).Select(cell => (JsonNode)new JsonObject
                {
                    ["Keys"] = new JsonArray([.. cell.Key.Key.Split('\u0001').Select(k => (JsonNode)k)]),
                    ["Metrics"] = MetricValues(cell.Value),
                })]),
                ["Estimated"] = period.End > firstOfMonth,
            };
            return (Result: result, Cells: Math.Max(1, groups.Count));
        }).ToList();

        var scope = input.Body.DeepClone().AsObject();
        scope.Remove("NextPageToken");
        var page = PageByCells(results, input.OptionalString("NextPageToken"), scope.ToJsonString(), input);
        var response = new JsonObject
        {
            ["GroupDefinitions"] = new JsonArray([.. groupBys.Select(group => (JsonNode)group.Definition())]),
            ["ResultsByTime"] = new JsonArray([.. page.Items.Select(item => (JsonNode)item.Result)]),
            ["DimensionValueAttributes"] = new JsonArray([.. groupBys.Any(group => group.Key == "LINKED_ACCOUNT")
                ? CostSeed.AccountNames.Select(pair => (JsonNode)new JsonObject { ["Value"] = pair.Key, ["Attributes"] = new JsonObject { ["description"] = pair.Value } })
                : []]),
            ["NextPageToken"] = page.NextToken,
        };
        return response.WithoutNulls();
    }

    private JsonNode GetCostForecast(SandboxRequest request, JsonInput input)
    {
        var range = CostPeriod.Read(input);
        if (range.Start < Today)
        {
            throw input.Invalid("Start date must be equal to or later than the current date to avoid mismatched dates.");
        }

        var granularity = Granularity(input);
        var maxEnd = granularity == "DAILY" ? range.Start.AddMonths(3) : range.Start.AddMonths(18);
        if (range.End > maxEnd)
        {
            throw input.Invalid($"End date is too far in the future for {granularity} granularity (at most {(granularity == "DAILY" ? "3" : "18")} months after the start).");
        }

        var metricName = input.RequiredString("Metric");
        var metric = ForecastMetrics.GetValueOrDefault(metricName)
            ?? throw input.Invalid($"Metric {metricName} is invalid. Valid metrics: {string.Join(", ", ForecastMetrics.Keys)}.");
        var level = input.OptionalInt("PredictionIntervalLevel", 51, 99) ?? 80;
        var filter = CostFilter.Parse(input.Body["Filter"], input);
        var daily = _records.Where(filter).GroupBy(record => record.Date).ToDictionary(g => g.Key, g => g.Sum(record => record.Metric(metric)));
        var model = CostForecaster.Fit(daily, Today)
            ?? throw new SandboxServiceException(400, "DataUnavailableException", "Insufficient amount of historical data to generate forecast.");
        var unit = CostAmounts.Unit(metricName);
        var forecasts = range.Split(granularity).Select(period => (Period: period, Values: model.Forecast(period.Start, period.End, level))).ToList();
        return new JsonObject
        {
            ["Total"] = CostAmounts.Value(forecasts.Sum(f => f.Values.Mean), unit),
            ["ForecastResultsByTime"] = new JsonArray([.. forecasts.Select(f => (JsonNode)new JsonObject
            {
                ["TimePeriod"] = f.Period.ToJson(),
                ["MeanValue"] = CostAmounts.Value(f.Values.Mean, unit)["Amount"]!.DeepClone(),
                ["PredictionIntervalLowerBound"] = CostAmounts.Value(f.Values.Lower, unit)["Amount"]!.DeepClone(),
                ["PredictionIntervalUpperBound"] = CostAmounts.Value(f.Values.Upper, unit)["Amount"]!.DeepClone(),
            })]),
        };
    }

    private static string Granularity(JsonInput input) =>
        input.RequiredString("Granularity") switch
        {
            var value when value is "DAILY" or "MONTHLY" => value,
            "HOURLY" => throw input.Invalid("Hourly granularity is not enabled for this account; use DAILY or MONTHLY."),
            var other => throw input.Invalid($"1 validation error detected: Value '{other}' at 'granularity' failed to satisfy constraint: Member must satisfy enum value set: [DAILY, MONTHLY, HOURLY]"),
        };

    /// <summary>Pages whole periods until a page would exceed <see cref="MaxCellsPerPage"/> cells; the token is bound to the rest of the request.</summary>
    private static Page<(JsonObject Result, int Cells)> PageByCells(IReadOnlyList<(JsonObject Result, int Cells)> results, string? token, string scope, JsonInput input)
    {
        var start = token is null ? 0 : OffsetPaging.Decode(scope, token, results.Count) ?? throw input.Invalid("The NextPageToken is invalid.");

        var (end, cells) = (start, 0);
        while (end < results.Count && (end == start || cells + results[end].Cells <= MaxCellsPerPage))
        {
            cells += results[end++].Cells;
        }

        return new Page<(JsonObject, int)>([.. results.Skip(start).Take(end - start)], end < results.Count ? OffsetPaging.Encode(scope, end) : null);
    }
}
