using System.Globalization;
using System.Text.RegularExpressions;

namespace AwsMcp.Sandbox.Services.CloudWatch;

/// <summary>
/// A statistic over the values published in one period: <c>Average</c>, <c>Minimum</c>, <c>Maximum</c>, <c>Sum</c>,
/// <c>SampleCount</c>, or a percentile <c>p0</c>…<c>p100</c> (nearest rank; up to two decimals, e.g. <c>p99.9</c>).
/// </summary>
internal sealed partial record MetricStatistic(string Name, Func<IReadOnlyList<double>, double> Compute)
{
    /// <summary>The statistic named <paramref name="name"/>, or null when CloudWatch would not know it (or the sandbox does not compute it).</summary>
    public static MetricStatistic? Parse(string name) => name switch
    {
        "Average" => new(name, values => values.Average()),
        "Minimum" => new(name, values => values.Min()),
        "Maximum" => new(name, values => values.Max()),
        "Sum" => new(name, values => values.Sum()),
        "SampleCount" => new(name, values => values.Count),
        _ when Percentile().Match(name) is { Success: true } match
            && double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is var rank and <= 100
            => new(name, values => NearestRank(values, rank)),
        _ => null,
    };

    private static double NearestRank(IReadOnlyList<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        var index = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }

    [GeneratedRegex(@"^p(\d{1,3}(?:\.\d{1,2})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Percentile();
}
