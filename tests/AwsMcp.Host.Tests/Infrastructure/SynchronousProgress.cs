using ModelContextProtocol;

namespace AwsMcp.Host.Tests.Infrastructure;

/// <summary>Progress reported as it arrives, in order (<see cref="Progress{T}"/> posts to a context and may reorder).</summary>
internal sealed class SynchronousProgress(Action<ProgressNotificationValue> report) : IProgress<ProgressNotificationValue>
{
    public void Report(ProgressNotificationValue value) => report(value);
}
