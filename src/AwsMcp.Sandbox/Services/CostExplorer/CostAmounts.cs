using System.Globalization;
using System.Text.Json.Nodes;

namespace AwsMcp.Sandbox.Services.CostExplorer;

/// <summary>CE's <c>MetricValue</c>: <c>{"Amount":"123.4567891","Unit":"USD"}</c>, amounts as decimal strings.</summary>
public static class CostAmounts
{
    public static JsonObject Value(decimal amount, string unit) =>
        new() { ["Amount"] = Math.Round(amount, 10).ToString("0.##########", CultureInfo.InvariantCulture), ["Unit"] = unit };

    public static string Unit(string metric) => metric is "UsageQuantity" or "NormalizedUsageAmount" or "USAGE_QUANTITY" or "NORMALIZED_USAGE_AMOUNT" ? "N/A" : "USD";
}
