namespace AwsMcp.Billing.Costs;

/// <summary>Forecast cost from today to an end date.</summary>
/// <param name="Start">Today, the forecast's first day, YYYY-MM-DD.</param>
/// <param name="End">The forecast's last day, YYYY-MM-DD.</param>
/// <param name="PredictionIntervalLevel">Confidence of the interval, in percent.</param>
/// <param name="Mean">Expected cost from start to end.</param>
/// <param name="LowerBound">Sum of the periods' lower bounds.</param>
/// <param name="UpperBound">Sum of the periods' upper bounds.</param>
/// <param name="Periods">Per month (or day).</param>
/// <param name="MonthToDateActual">Actual cost of the current month before today; present when the forecast ends in the current month.</param>
/// <param name="ProjectedMonthTotal">Month-to-date actual plus the forecast mean; present when the forecast ends on the month's last day.</param>
/// <param name="CreditsAndRefundsIncluded">Whether credits and refunds are netted in.</param>
/// <param name="FromCache">Every figure comes from the server's Cost Explorer cache (no new AWS charge).</param>
/// <param name="CacheAgeSeconds">How old the oldest cached figure is.</param>
public sealed record CostForecastReport(
    string Start,
    string End,
    CostMetric Metric,
    string Unit,
    int PredictionIntervalLevel,
    decimal Mean,
    decimal LowerBound,
    decimal UpperBound,
    IReadOnlyList<ForecastPeriod> Periods,
    decimal? MonthToDateActual,
    decimal? ProjectedMonthTotal,
    bool CreditsAndRefundsIncluded,
    bool FromCache,
    int CacheAgeSeconds);
