using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Redaction;
using AwsMcp.Host.ToolCalls.Authorization;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.ToolCalls.Confirmation;

/// <summary>
/// Confirmation of destructive tools. A client that can be asked (it declared elicitation and has a session or stdio)
/// is asked: the user confirms or declines in the client, in the same call. Every other client (Copilot Studio has no
/// elicitation, a stateless exchange cannot carry a question) gets the two-phase commit: a call without a token gets a
/// plan and a token and changes nothing; a call with a valid token for exactly the same caller, tool, arguments and
/// target runs, once. Runs after policy, on the call's real (located) target, so plans are only
/// issued for calls that would be allowed and name where they act. A declared dry run (<c>[DryRun]</c>) needs none.
/// </summary>
public sealed class ConfirmationGate(IOptionsMonitor<SecurityOptions> options, ConfirmationTokens tokens, IRedactor redactor)
{
    private static readonly JsonElement ConfirmForm = JsonDocument.Parse(
        """{"type":"object","properties":{"confirm":{"type":"boolean","title":"Make this change","description":"It cannot be undone.","default":false}},"required":["confirm"]}""").RootElement.Clone();

    /// <summary>Null when the call may run now; else the answer to give instead (a plan, a refused token, a declined question).</summary>
    public async ValueTask<ToolResult?> CheckAsync(ToolCall call)
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
        if (call.ConfirmationToken is null && call.Client.CanElicit)
        {
            return await AskAsync(call, target);
        }

        if (call.ConfirmationToken is null)
        {
            var (token, expires) = tokens.Issue(call.Caller, tool.Name, call.ToolArguments, target);
            call.Outcome = ToolCallOutcome.ConfirmationRequired;
            return ConfirmationPlan.Create(call, token, expires);
        }

        if (await tokens.RedeemAsync(call.ConfirmationToken, call.Caller, tool.Name, call.ToolArguments, target, call.CancellationToken) is { } refusal)
        {
            // Audited as refused under the refusal's rule: a replica that could not reach the shared store says so.
            call.Decision = PolicyDecision.Refuse(refusal.Rule, refusal.Message);
            call.Outcome = ToolCallOutcome.Refused;
            return ToolResult.Error(refusal.Message);
        }

        call.Decision = call.Decision with { Rule = $"{call.Decision.Rule}+confirmed" };
        return null;
    }

    // The user answers in the client; the audit record says who confirmed how (the rule), or why it did not run.
    private async ValueTask<ToolResult?> AskAsync(ToolCall call, string target)
    {
        var tool = call.Tool!;
        var question = new ElicitationRequest(
            $"'{tool.Name}' will make a change that cannot be undone, in {target}, with {call.RedactedArguments(redactor)}. Make this change?", ConfirmForm);
        var answer = await call.Client.ElicitAsync(question, call.CancellationToken);
        if (answer.Action == ElicitationAction.Accept && answer.Content is { ValueKind: JsonValueKind.Object } content
            && content.TryGetProperty("confirm", out var confirm) && confirm.ValueKind == JsonValueKind.True)
        {
            call.Decision = call.Decision with { Rule = $"{call.Decision.Rule}+confirmed-by-user" };
            return null;
        }

        var refusal = $"Not run: the user did not confirm '{tool.Name}' ({answer.Action.ToString().ToLowerInvariant()}). Nothing was changed.";
        call.Decision = PolicyDecision.Refuse("confirmation-declined", refusal);
        call.Outcome = ToolCallOutcome.Refused;
        return ToolResult.Error(refusal);
    }

    private static string Target(ToolCall call) => $"{call.Region ?? "(default region)"} / {call.Account ?? "(own account)"}";
}
