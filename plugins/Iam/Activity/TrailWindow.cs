using System.Globalization;
using AwsMcp.Abstractions;

namespace AwsMcp.Iam.Activity;

/// <summary>
/// The time window of a CloudTrail lookup: the given bounds, else the last 24 hours up to now, never older than the 90
/// days CloudTrail keeps. A page token carries the window of the first page, so later pages search exactly the same.
/// </summary>
internal readonly record struct TrailWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public static readonly TimeSpan DefaultSpan = TimeSpan.FromHours(24);

    public static readonly TimeSpan Retention = TimeSpan.FromDays(90);

    public static TrailWindow Resolve(DateTimeOffset? start, DateTimeOffset? end, TimeProvider time, string? pageScope = null)
    {
        if (pageScope?.Split('-') is [var fromText, var toText]
            && long.TryParse(fromText, NumberStyles.None, CultureInfo.InvariantCulture, out var fromMs)
            && long.TryParse(toText, NumberStyles.None, CultureInfo.InvariantCulture, out var toMs))
        {
            return new TrailWindow(DateTimeOffset.FromUnixTimeMilliseconds(fromMs), DateTimeOffset.FromUnixTimeMilliseconds(toMs));
        }

        var now = time.GetUtcNow();
        var to = end ?? now;
        var from = start ?? to - DefaultSpan;
        if (from < now - Retention)
        {
            throw new ToolArgumentException("start_time", $"CloudTrail keeps 90 days of events: give a start after {now - Retention:O}.");
        }

        return from < to
            ? new TrailWindow(from.ToUniversalTime(), to.ToUniversalTime())
            : throw new ToolArgumentException("start_time", $"must be before end_time ({to:O}).");
    }

    /// <summary>The window as a page-token scope.</summary>
    public string ToPageScope() => string.Create(CultureInfo.InvariantCulture, $"{Start.ToUnixTimeMilliseconds()}-{End.ToUnixTimeMilliseconds()}");
}
