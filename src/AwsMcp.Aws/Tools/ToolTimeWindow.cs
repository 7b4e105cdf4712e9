using System.Globalization;
using AwsMcp.Abstractions;

namespace AwsMcp.Aws.Tools;

/// <summary>
/// The time window of a search or lookup (CloudWatch Logs, CloudTrail): the one a page token carries, else the given
/// bounds, else the last <c>defaultSpan</c> up to now. Later pages search exactly what the first did, even when it
/// ended "now", because the first page's window travels in its token (<see cref="ToPageScope"/>).
/// </summary>
public readonly record struct ToolTimeWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public static ToolTimeWindow Resolve(DateTimeOffset? start, DateTimeOffset? end, TimeProvider time, TimeSpan defaultSpan, string? pageScope = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (FromPageScope(pageScope) is { } paged)
        {
            return paged;
        }

        var to = end ?? time.GetUtcNow();
        var from = start ?? to - defaultSpan;
        return from < to
            ? new ToolTimeWindow(from.ToUniversalTime(), to.ToUniversalTime())
            : throw new ToolArgumentException("start_time", $"must be before end_time ({to:O}).");
    }

    /// <summary>The window a page token's scope carries, or null when it carries none.</summary>
    public static ToolTimeWindow? FromPageScope(string? pageScope) =>
        pageScope?.Split('-') is [var fromText, var toText]
        && long.TryParse(fromText, NumberStyles.None, CultureInfo.InvariantCulture, out var fromMs)
        && long.TryParse(toText, NumberStyles.None, CultureInfo.InvariantCulture, out var toMs)
            ? new ToolTimeWindow(DateTimeOffset.FromUnixTimeMilliseconds(fromMs), DateTimeOffset.FromUnixTimeMilliseconds(toMs))
            : null;

    /// <summary>The window as a page-token scope.</summary>
    public string ToPageScope() => string.Create(CultureInfo.InvariantCulture, $"{Start.ToUnixTimeMilliseconds()}-{End.ToUnixTimeMilliseconds()}");
}
