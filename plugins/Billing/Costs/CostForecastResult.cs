namespace AwsMcp.Billing.Costs;

/// <summary>A GetCostForecast answer: the mean total and each period's mean and prediction interval.</summary>
public sealed record CostForecastResult(decimal Total, string Unit, IReadOnlyList<ForecastPeriod> Periods);
