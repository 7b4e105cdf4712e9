using AwsMcp.Abstractions;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.ToolCalls.Authorization;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.ToolCalls.Confirmation;

/// <summary>
/// Two-phase commit for destructive tools that works without MCP elicitation (Copilot Studio has none): a call
/// without a token gets a plan and a token and changes nothing; a call with a valid token for exactly the same caller,
/// tool, arguments and target runs, once. Runs after policy, on the call's real (located) target, so plans are only
/// issued for calls that would be allowed and name where they act. A declared dry run (<c>[DryRun]</c>) needs none.
/// </summary>
public sealed class ConfirmationGate(IOptionsMonitor<SecurityOptions> options, ConfirmationTokens tokens)
{
    /// <summary>Null when the call may run now; else the answer to give instead (a plan, or a refused token).</summary>
    public ToolResult? Check(ToolCall call)
    {
        var tool = call.Tool!;
        if (!tool.IsDestructive || !options.CurrentValue.ConfirmDestructive)
        {
            return null;
        }

        if (call.Bound?.IsDryRun == true)
        {
            // It only checks and changes nothing: no round trip, and the audit says it was a dry run.
            call.Decision = call.Decision with { Rule = $"{call.Decision.Rule}+dry-run" };
            return null;
        }

        var target = Target(call);
        if (call.ConfirmationToken is null)
        {
            var (token, expires) = tokens.Issue(call.Caller, tool.Name, call.ToolArguments, target);
            call.Outcome = ToolCallOutcome.ConfirmationRequired;
            return ConfirmationPlan.Create(call, token, expires);
        }

        if (tokens.Redeem(call.ConfirmationToken, call.Caller, tool.Name, call.ToolArguments, target) is { } refusal)
        {
            call.Decision = PolicyDecision.Refuse("confirmation-refused", refusal);
            call.Outcome = ToolCallOutcome.Refused;
            return ToolResult.Error(refusal);
        }

        call.Decision = call.Decision with { Rule = $"{call.Decision.Rule}+confirmed" };
        return null;
    }

    private static string Target(ToolCall call) => $"{call.Region ?? "(default region)"} / {call.Account ?? "(own account)"}";
}
