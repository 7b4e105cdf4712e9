using AwsMcp.Abstractions;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Iam.Activity;

/// <summary>
/// The time window of a CloudTrail lookup (<see cref="ToolTimeWindow"/>): the given bounds, else the last 24 hours up
/// to now, never older than the 90 days CloudTrail keeps. A page token carries the window of the first page, so
/// later pages search exactly the same.
/// </summary>
internal static class TrailWindow
{
    public static readonly TimeSpan DefaultSpan = TimeSpan.FromHours(24);

    public static readonly TimeSpan Retention = TimeSpan.FromDays(90);

    public static ToolTimeWindow Resolve(DateTimeOffset? start, DateTimeOffset? end, TimeProvider time, string? pageScope = null)
    {
        if (ToolTimeWindow.FromPageScope(pageScope) is { } paged)
        {
            return paged;
        }

        var now = time.GetUtcNow();
        if ((start ?? (end ?? now) - DefaultSpan) < now - Retention)
        {
            throw new ToolArgumentException("start_time", $"CloudTrail keeps 90 days of events: give a start after {now - Retention:O}.");
        }

        return ToolTimeWindow.Resolve(start, end ?? now, time, DefaultSpan);
    }
}
