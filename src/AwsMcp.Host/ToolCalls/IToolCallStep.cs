using AwsMcp.Abstractions;

namespace AwsMcp.Host.ToolCalls;

/// <summary>Runs the rest of the pipeline for a call.</summary>
public delegate ValueTask<ToolResult> ToolCallHandler(ToolCall call);

/// <summary>
/// One step of the tool-call pipeline (audit, authorization, validation, output guard, ...). A step may answer
/// without calling <c>next</c> (a refusal) or inspect what <c>next</c> returned. Steps run in registration order;
/// see <see cref="ToolCallPipelineRegistration"/>.
/// </summary>
public interface IToolCallStep
{
    ValueTask<ToolResult> InvokeAsync(ToolCall call, ToolCallHandler next);
}
