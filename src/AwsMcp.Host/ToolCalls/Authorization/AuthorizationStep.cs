using AwsMcp.Abstractions;

namespace AwsMcp.Host.ToolCalls.Authorization;

/// <summary>Refuses a call that <see cref="ToolPolicy"/> does not allow, before anything else looks at its arguments.</summary>
public sealed class AuthorizationStep(ToolPolicy policy) : IToolCallStep
{
    public ValueTask<ToolResult> InvokeAsync(ToolCall call, ToolCallHandler next)
    {
        call.Decision = policy.EvaluateCall(call);
        if (call.Decision.Allowed)
        {
            return next(call);
        }

        call.Outcome = ToolCallOutcome.Refused;
        return ValueTask.FromResult(ToolResult.Error(call.Decision.Reason!));
    }
}
