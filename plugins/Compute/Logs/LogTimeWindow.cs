using System.Globalization;
using AwsMcp.Abstractions;

namespace AwsMcp.Compute.Logs;

/// <summary>The time window of a log search: the given bounds, or the last hour up to now.</summary>
internal readonly record struct LogTimeWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public static readonly TimeSpan DefaultSpan = TimeSpan.FromHours(1);

    /// <summary>
    /// The window of a search: the one a page token carries (later pages must search exactly what the first did,
    /// even when it ended "now"), else the given bounds, else the last hour.
    /// </summary>
    public static LogTimeWindow Resolve(DateTimeOffset? start, DateTimeOffset? end, TimeProvider time, string? pageScope = null)
    {
        if (pageScope?.Split('-') is [var fromText, var toText]
            && long.TryParse(fromText, NumberStyles.None, CultureInfo.InvariantCulture, out var fromMs)
            && long.TryParse(toText, NumberStyles.None, CultureInfo.InvariantCulture, out var toMs))
        {
            return new LogTimeWindow(DateTimeOffset.FromUnixTimeMilliseconds(fromMs), DateTimeOffset.FromUnixTimeMilliseconds(toMs));
        }

        var to = end ?? time.GetUtcNow();
        var from = start ?? to - DefaultSpan;
        return from < to
            ? new LogTimeWindow(from.ToUniversalTime(), to.ToUniversalTime())
            : throw new ToolArgumentException("start_time", $"must be before end_time ({to:O}).");
    }

    /// <summary>The window as a page-token scope.</summary>
    public string ToPageScope() => string.Create(CultureInfo.InvariantCulture, $"{Start.ToUnixTimeMilliseconds()}-{End.ToUnixTimeMilliseconds()}");
}
