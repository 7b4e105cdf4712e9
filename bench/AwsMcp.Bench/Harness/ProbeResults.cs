using System.Globalization;

namespace AwsMcp.Bench.Harness;

/// <summary>How a probe child process reports its measurements to the harness: one <c>RESULT key=value</c> line each.</summary>
internal static class ProbeResults
{
    private const string Prefix = "RESULT ";

    public static void Write(string key, double value) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{key}={value:0.###}"));

    public static IReadOnlyDictionary<string, double> Read(IEnumerable<string> lines) => lines
        .Where(line => line.StartsWith(Prefix, StringComparison.Ordinal))
        .Select(line => line[Prefix.Length..].Split('=', 2))
        .ToDictionary(pair => pair[0], pair => double.Parse(pair[1], CultureInfo.InvariantCulture));
}
