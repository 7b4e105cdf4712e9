using AwsMcp.Abstractions;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.ToolCalls.Authorization;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.ToolCalls.Confirmation;

/// <summary>
/// Two-phase commit for destructive tools that works without MCP elicitation (Copilot Studio has none): a call
/// without a token gets a plan and a token and changes nothing; a call with a valid token for exactly the same
/// caller, tool and arguments runs, once. Runs after policy and schema validation, so plans are only issued for
/// calls that would be allowed.
/// </summary>
public sealed class ConfirmationStep(IOptionsMonitor<SecurityOptions> options, ConfirmationTokens tokens) : IToolCallStep
{
    public ValueTask<ToolResult> InvokeAsync(ToolCall call, ToolCallHandler next)
    {
        if (!call.Tool.IsDestructive || !options.CurrentValue.ConfirmDestructive)
        {
            return next(call);
        }

        var caller = call.Request.Caller;
        if (call.ConfirmationToken is null)
        {
            var (token, expires) = tokens.Issue(caller, call.Tool.Name, call.Arguments);
            call.Outcome = ToolCallOutcome.ConfirmationRequired;
            return ValueTask.FromResult(ConfirmationPlan.Create(call, token, expires));
        }

        if (tokens.Redeem(call.ConfirmationToken, caller, call.Tool.Name, call.Arguments) is { } refusal)
        {
            call.Decision = PolicyDecision.Refuse("confirmation-refused", refusal);
            call.Outcome = ToolCallOutcome.Refused;
            return ValueTask.FromResult(ToolResult.Error(refusal));
        }

        call.Decision = call.Decision with { Rule = $"{call.Decision.Rule}+confirmed" };
        return next(call);
    }
}
