using AwsMcp.Abstractions;

namespace AwsMcp.Aws.Tools;

/// <summary>
/// The progress of one call that reads AWS step by step (a page, a poll): each step is reported to the client as
/// <c>notifications/progress</c> when it asked for progress, and costs nothing otherwise. One instance per call,
/// shared by every listing the call pages through, because MCP wants a call's progress to keep increasing; the
/// total stays unknown, since AWS does not say how many pages are left.
/// </summary>
public sealed class CallProgress(ToolContext ctx)
{
    private int _steps;

    /// <summary>Counts the next step and reports it with the message <paramref name="describe"/> makes of its number.</summary>
    public ValueTask StepAsync(Func<int, string> describe)
    {
        ArgumentNullException.ThrowIfNull(describe);
        var step = Interlocked.Increment(ref _steps);
        return ctx.Client.ReportsProgress ? ctx.Client.ReportProgressAsync(step, null, describe(step), ctx.CancellationToken) : ValueTask.CompletedTask;
    }
}
