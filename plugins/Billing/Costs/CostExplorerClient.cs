using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Protocol;
using AwsMcp.Aws.Tools;
using AwsMcp.Billing.Shared;

namespace AwsMcp.Billing.Costs;

/// <summary>
/// The two Cost Explorer calls the billing tools make, each through <see cref="AwsCall"/> (one audit entry per AWS
/// request, plain errors) and <see cref="CostExplorerCache"/>. Answers are read into small records before caching.
/// </summary>
public sealed class CostExplorerClient(AwsClientFactory aws, CostExplorerCache cache)
{
    private static readonly AwsServiceModel Model = AwsServiceModels.CostExplorer;

    /// <summary>
    /// GetCostAndUsage over [<paramref name="start"/>, <paramref name="end"/>), every page, optionally grouped by one
    /// dimension. Each page read is a step of <paramref name="progress"/>: a call making several queries passes one.
    /// </summary>
    public Task<CachedAnswer<IReadOnlyList<CostPeriodResult>>> GetCostAndUsageAsync(
        ToolContext ctx, DateOnly start, DateOnly end, string granularity, CostMetric metric, CostScope scope, string? groupByDimension = null, CallProgress? progress = null)
    {
        progress ??= new CallProgress(ctx);
        var request = new JsonObject
        {
            ["TimePeriod"] = Period(start, end),
            ["Granularity"] = granularity,
            ["Metrics"] = new JsonArray(metric.UsageName()),
        };
        AddFilter(request, scope);
        if (groupByDimension is not null)
        {
            request["GroupBy"] = new JsonArray(new JsonObject { ["Type"] = "DIMENSION", ["Key"] = groupByDimension });
        }

        return CachedAsync(ctx, "GetCostAndUsage", request, CostCacheJsonContext.Default.CostCacheEntryIReadOnlyListCostPeriodResult, async () =>
        {
            var periods = new List<CostPeriodResult>();
            string? token = null;
            do
            {
                if (token is not null)
                {
                    request["NextPageToken"] = token;
                }

                using var page = await InvokeAsync(ctx, "GetCostAndUsage", request);
                periods.AddRange(page.RootElement.GetProperty("ResultsByTime").EnumerateArray().Select(result => ReadPeriod(result, metric)));
                token = page.RootElement.TryGetProperty("NextPageToken", out var next) ? next.GetString() : null;
                // A long daily breakdown takes several billed pages; a client that asked sees each one arrive.
                await progress.StepAsync(step => $"Cost Explorer GetCostAndUsage: page {step} read");
            }
            while (!string.IsNullOrEmpty(token));

            return (IReadOnlyList<CostPeriodResult>)periods;
        });
    }

    /// <summary>GetCostForecast over [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public Task<CachedAnswer<CostForecastResult>> GetCostForecastAsync(
        ToolContext ctx, DateOnly start, DateOnly end, string granularity, CostMetric metric, int predictionIntervalLevel, CostScope scope)
    {
        var request = new JsonObject
        {
            ["TimePeriod"] = Period(start, end),
            ["Granularity"] = granularity,
            ["Metric"] = metric.ForecastName(),
            ["PredictionIntervalLevel"] = predictionIntervalLevel,
        };
        AddFilter(request, scope);
        return CachedAsync(ctx, "GetCostForecast", request, CostCacheJsonContext.Default.CostCacheEntryCostForecastResult, async () =>
        {
            using var answer = await InvokeAsync(ctx, "GetCostForecast", request);
            var root = answer.RootElement;
            var periods = root.GetProperty("ForecastResultsByTime").EnumerateArray().Select(result =>
            {
                var (periodStart, periodEnd) = ReadPeriodDates(result);
                return new ForecastPeriod(
                    BillingDates.ToText(periodStart),
                    BillingDates.ToText(periodEnd.AddDays(-1)),
                    BillingAmounts.Money(Amount(result.GetProperty("MeanValue"))),
                    BillingAmounts.Money(Amount(result.GetProperty("PredictionIntervalLowerBound"))),
                    BillingAmounts.Money(Amount(result.GetProperty("PredictionIntervalUpperBound"))));
            }).ToList();
            var total = root.GetProperty("Total");
            return new CostForecastResult(BillingAmounts.Money(Amount(total.GetProperty("Amount"))), Unit(total), periods);
        });
    }

    // The key holds the account name because the same query answers differently in another account; the caller is
    // not part of it, since cost data is the same for everyone allowed to call the tool in that account.
    private Task<CachedAnswer<T>> CachedAsync<T>(ToolContext ctx, string operation, JsonObject request, JsonTypeInfo<CostCacheEntry<T>> type, Func<Task<T>> fetch)
        where T : class =>
        cache.GetOrFetchAsync($"{ctx.Account?.ToUpperInvariant()}|{operation}|{request.ToJsonString()}", type, fetch, ctx.CancellationToken);

    private async Task<JsonDocument> InvokeAsync(ToolContext ctx, string operation, JsonObject request)
    {
        var client = aws.Protocol(Model, ctx);
        var target = aws.Target(ctx, Model, operation);
        return await AwsCall.ProtocolAsync(ctx, target, ct => client.InvokeJsonAsync(operation, request, ct));
    }

    private static void AddFilter(JsonObject request, CostScope scope)
    {
        if (scope.ToFilter() is { } filter)
        {
            request["Filter"] = filter;
        }
    }

    private static JsonObject Period(DateOnly start, DateOnly end) =>
        new() { ["Start"] = BillingDates.ToText(start), ["End"] = BillingDates.ToText(end) };

    private static CostPeriodResult ReadPeriod(JsonElement result, CostMetric metric)
    {
        var (start, end) = ReadPeriodDates(result);
        var metricName = metric.UsageName();
        var groups = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var unit = "USD";
        if (result.TryGetProperty("Groups", out var groupArray))
        {
            foreach (var group in groupArray.EnumerateArray())
            {
                var key = string.Join(" / ", group.GetProperty("Keys").EnumerateArray().Select(k => k.GetString()));
                var value = group.GetProperty("Metrics").GetProperty(metricName);
                groups[key] = groups.GetValueOrDefault(key) + Amount(value.GetProperty("Amount"));
                unit = Unit(value);
            }
        }

        // Grouped answers leave Total empty; the period total is then the sum of its groups.
        var total = groups.Values.Sum();
        if (result.TryGetProperty("Total", out var totals) && totals.TryGetProperty(metricName, out var totalValue))
        {
            total = Amount(totalValue.GetProperty("Amount"));
            unit = Unit(totalValue);
        }

        var estimated = result.TryGetProperty("Estimated", out var flag) && flag.ValueKind == JsonValueKind.True;
        return new CostPeriodResult(start, end, estimated, total, unit, groups);
    }

    private static (DateOnly Start, DateOnly End) ReadPeriodDates(JsonElement result)
    {
        var period = result.GetProperty("TimePeriod");
        return (DateOnly.ParseExact(period.GetProperty("Start").GetString()!, BillingDates.Format, CultureInfo.InvariantCulture),
            DateOnly.ParseExact(period.GetProperty("End").GetString()!, BillingDates.Format, CultureInfo.InvariantCulture));
    }

    // CE sends amounts as decimal strings ("123.4567891").
    private static decimal Amount(JsonElement amount) =>
        decimal.Parse(amount.GetString() ?? "0", NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Unit(JsonElement metricValue) =>
        metricValue.TryGetProperty("Unit", out var unit) ? unit.GetString() ?? "USD" : "USD";
}
