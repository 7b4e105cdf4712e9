using System.Globalization;
using System.Runtime.InteropServices;

namespace AwsMcp.Bench.Reporting;

/// <summary>What the figures were measured on; they mean little without it.</summary>
internal static class MachineInfo
{
    public static IEnumerable<string> Describe()
    {
        yield return $"Date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC";
        yield return $"OS: {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})";
        yield return $"CPU: {ProcFile("/proc/cpuinfo", "model name") ?? "unknown"}, {Environment.ProcessorCount} logical cores";
        yield return $"Memory: {ProcFile("/proc/meminfo", "MemTotal") ?? "unknown"}";
        yield return $".NET: {RuntimeInformation.FrameworkDescription}";
        yield return $"Load average (1, 5, 15 min) at the end of the run: {LoadAverage()}";
    }

    private static string? ProcFile(string path, string key) =>
        File.Exists(path)
            ? File.ReadLines(path).Where(line => line.StartsWith(key, StringComparison.Ordinal)).Select(line => line.Split(':', 2)[1].Trim()).FirstOrDefault()
            : null;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg")
            ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Select(v => double.Parse(v, CultureInfo.InvariantCulture).ToString("0.00", CultureInfo.InvariantCulture)))
            : "unknown";
}
