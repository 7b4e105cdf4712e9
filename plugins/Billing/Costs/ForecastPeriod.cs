namespace AwsMcp.Billing.Costs;

/// <summary>The forecast of one period.</summary>
/// <param name="Start">First day, YYYY-MM-DD.</param>
/// <param name="End">Last day included, YYYY-MM-DD.</param>
/// <param name="Mean">The expected cost.</param>
/// <param name="Lower">The prediction interval's lower bound.</param>
/// <param name="Upper">The prediction interval's upper bound.</param>
public sealed record ForecastPeriod(string Start, string End, decimal Mean, decimal Lower, decimal Upper);
