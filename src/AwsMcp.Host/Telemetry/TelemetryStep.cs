using System.Diagnostics;
using AwsMcp.Abstractions;
using AwsMcp.Host.ToolCalls;

namespace AwsMcp.Host.Telemetry;

/// <summary>
/// The outermost pipeline step: one span per tool call around everything else (audit, policy, validation, the
/// tool), and the call's latency, errors and AWS requests as metrics once it has ended.
/// </summary>
public sealed class TelemetryStep(ToolCallTelemetry telemetry) : IToolCallStep
{
    public async ValueTask<ToolResult> InvokeAsync(ToolCall call, ToolCallHandler next)
    {
        using var activity = ToolCallTelemetry.StartCall(call);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next(call);
        }
        finally
        {
            telemetry.EndCall(call, activity, Stopwatch.GetElapsedTime(started));
        }
    }
}
