namespace AwsMcp.Billing.Costs;

/// <summary>Cost Explorer's spellings of a <see cref="CostMetric"/>: GetCostAndUsage wants <c>UnblendedCost</c>, GetCostForecast <c>UNBLENDED_COST</c>.</summary>
public static class CostMetricNames
{
    public static string UsageName(this CostMetric metric) => metric.ToString();

    public static string ForecastName(this CostMetric metric) =>
        metric switch
        {
            CostMetric.UnblendedCost => "UNBLENDED_COST",
            CostMetric.AmortizedCost => "AMORTIZED_COST",
            CostMetric.NetUnblendedCost => "NET_UNBLENDED_COST",
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "unknown cost metric"),
        };
}
