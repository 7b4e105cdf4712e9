namespace AwsMcp.Sandbox.Services.CostExplorer;

/// <summary>
/// The sandbox's forecast model: a least-squares line through the last 56 days of daily totals (after the request's
/// filter), extended over the forecast days. The prediction interval is the mean ± z·σ·√days, with σ the residual
/// standard deviation and z the normal quantile of the requested level; bounds never go below zero.
/// </summary>
public sealed class CostForecaster
{
    public const int HistoryDays = 56;
    private readonly double _intercept;
    private readonly double _slope;
    private readonly double _sigma;
    private readonly DateOnly _origin;

    private CostForecaster(DateOnly origin, double intercept, double slope, double sigma)
    {
        _origin = origin;
        _intercept = intercept;
        _slope = slope;
        _sigma = sigma;
    }

    /// <summary>Fits the model to daily totals ending the day before <paramref name="today"/>; null when the history holds no cost at all.</summary>
    public static CostForecaster? Fit(IReadOnlyDictionary<DateOnly, decimal> dailyTotals, DateOnly today)
    {
        var origin = today.AddDays(-HistoryDays);
        var ys = Enumerable.Range(0, HistoryDays).Select(i => (double)dailyTotals.GetValueOrDefault(origin.AddDays(i))).ToArray();
        if (ys.All(y => y == 0))
        {
            return null;
        }

        var meanX = (HistoryDays - 1) / 2.0;
        var meanY = ys.Average();
        var slope = ys.Select((y, x) => (x - meanX) * (y - meanY)).Sum() / Enumerable.Range(0, HistoryDays).Sum(x => (x - meanX) * (x - meanX));
        var intercept = meanY - (slope * meanX);
        var sigma = Math.Sqrt(ys.Select((y, x) => Math.Pow(y - (intercept + (slope * x)), 2)).Sum() / (HistoryDays - 2));
        return new CostForecaster(origin, intercept, slope, sigma);
    }

    /// <summary>Mean and interval for the days from <paramref name="start"/> (inclusive) to <paramref name="end"/> (exclusive).</summary>
    public (decimal Mean, decimal Lower, decimal Upper) Forecast(DateOnly start, DateOnly end, int level)
    {
        var mean = 0.0;
        for (var day = start; day < end; day = day.AddDays(1))
        {
            mean += Math.Max(0, _intercept + (_slope * (day.DayNumber - _origin.DayNumber)));
        }

        var halfWidth = NormalQuantile((1 + (level / 100.0)) / 2) * _sigma * Math.Sqrt(end.DayNumber - start.DayNumber);
        return ((decimal)mean, (decimal)Math.Max(0, mean - halfWidth), (decimal)(mean + halfWidth));
    }

    /// <summary>Abramowitz and Stegun 26.2.23 (error below 4.5e-4), for p in (0.5, 1).</summary>
    private static double NormalQuantile(double p)
    {
        var t = Math.Sqrt(-2 * Math.Log(1 - p));
        return t - ((2.515517 + (0.802853 * t) + (0.010328 * t * t)) / (1 + (1.432788 * t) + (0.189269 * t * t) + (0.001308 * t * t * t)));
    }
}
