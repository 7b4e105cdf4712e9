using System.Globalization;

namespace AwsMcp.Bench.Harness;

/// <summary>How the harnesses reduce runs to one figure and write it down.</summary>
internal static class HarnessFigures
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static string Milliseconds(double value) => string.Create(CultureInfo.InvariantCulture, $"{value:N0} ms");

    public static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):N1} MiB");

    public static string Kilobytes(int bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB");
}
