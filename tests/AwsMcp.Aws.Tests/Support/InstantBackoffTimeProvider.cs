using Microsoft.Extensions.Time.Testing;

namespace AwsMcp.Aws.Tests.Support;

/// <summary>
/// A fake clock whose timers fire at once, recording how long they were set for: a protocol client's backoff waits
/// are timers on its clock, and a plain <see cref="FakeTimeProvider"/> would hold them until a test advanced it.
/// </summary>
internal sealed class InstantBackoffTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    public List<TimeSpan> Delays { get; } = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (Delays)
        {
            Delays.Add(dueTime);
        }

        return System.CreateTimer(callback, state, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }
}
