using AwsMcp.Abstractions;

namespace AwsMcp.Compute.Metrics;

/// <summary>
/// The window a summary covers, cut into at most about <see cref="TargetPeriods"/> periods of a round length, its
/// bounds moved back to whole periods so that CloudWatch's periods and the window's line up and the last period is
/// complete (a period still filling would read as a drop); a window shorter than a period keeps the period it is in.
/// </summary>
internal readonly record struct MetricWindow(DateTimeOffset Start, DateTimeOffset End, int PeriodSeconds)
{
    public const int TargetPeriods = 12;

    public static readonly TimeSpan DefaultSpan = TimeSpan.FromHours(3);

    /// <summary>CloudWatch keeps hourly data for 455 days.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(455);

    private static readonly int[] RoundPeriods = [60, 300, 900, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86_400];

    public int Periods => (int)((End - Start).TotalSeconds / PeriodSeconds);

    public static MetricWindow Resolve(DateTimeOffset? start, DateTimeOffset? end, DateTimeOffset now)
    {
        var to = (end ?? now).ToUniversalTime();
        var from = (start ?? to - DefaultSpan).ToUniversalTime();
        if (from >= to)
        {
            throw new ToolArgumentException("start_time", $"must be before end_time ({to:O}).");
        }

        if (from < now - Retention)
        {
            throw new ToolArgumentException("start_time", $"is more than {Retention.TotalDays:0} days ago; CloudWatch keeps no older data.");
        }

        var wanted = (to - from).TotalSeconds / TargetPeriods;
        var period = RoundPeriods.FirstOrDefault(round => round >= wanted) is var round and > 0 ? round : (int)Math.Ceiling(wanted / 86_400) * 86_400;
        var periodTicks = TimeSpan.FromSeconds(period).Ticks;
        var alignedStart = from.UtcTicks - (from.UtcTicks % periodTicks);
        var alignedEnd = Math.Max(to.UtcTicks - (to.UtcTicks % periodTicks), alignedStart + periodTicks);
        return new MetricWindow(new DateTimeOffset(alignedStart, TimeSpan.Zero), new DateTimeOffset(alignedEnd, TimeSpan.Zero), period);
    }
}
