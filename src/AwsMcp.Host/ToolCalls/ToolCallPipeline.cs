using System.Diagnostics;
using AwsMcp.Abstractions;
using AwsMcp.Abstractions.Runtime;
using AwsMcp.Host.Redaction;
using AwsMcp.Host.ToolCalls.Arguments;
using AwsMcp.Host.ToolCalls.Audit;
using AwsMcp.Host.ToolCalls.Authorization;
using AwsMcp.Host.ToolCalls.Confirmation;
using AwsMcp.Host.ToolCalls.Execution;
using AwsMcp.Host.ToolCalls.FanOut;
using AwsMcp.Host.ToolCalls.Output;
using AwsMcp.Host.ToolCalls.Paging;
using AwsMcp.Host.ToolCalls.Telemetry;
using AwsMcp.Host.Tools;

namespace AwsMcp.Host.ToolCalls;

/// <summary>
/// The one way a tool is called, whatever the channel (MCP over HTTP or stdio, the prototype endpoints, the command
/// line). A <see cref="ToolCall"/> arrives with its arguments parsed once; each stage below reads what the previous
/// ones established, in this order, and the first that answers ends the call:
/// <list type="number">
/// <item>find the tool (<see cref="ToolRegistry"/>);</item>
/// <item>bind its arguments, once: the tool's binder is its validator (<see cref="ServedTool.Bind"/>), after opening a
/// sealed page token (<see cref="PageTokens"/>);</item>
/// <item>resolve the target it really acts in, running its region locator (<see cref="ToolExecutor.ResolveTargetAsync"/>);</item>
/// <item>authorise that target and the resources it declares (<see cref="ToolPolicy"/>); a fan-out call (a list of
/// <c>regions</c> or <c>accounts</c>) is authorised here for the tool only, and target by target when it runs;</item>
/// <item>plan and confirm a destructive change (<see cref="ConfirmationGate"/>);</item>
/// <item>for a call that may change something, write the audit intent, durably, or refuse (<see cref="AuditJournal"/>);</item>
/// <item>run the tool (<see cref="ToolExecutor"/>), or every target of a fan-out call with one merged page
/// (<see cref="FanOutRunner"/>), sealing the page token it returns (<see cref="PageTokens"/>);</item>
/// <item>redact and bound what it returns (<see cref="IRedactor"/>, <see cref="OutputLimit"/>).</item>
/// </list>
/// Every call, refused or not, then gets its closing audit record, durable before the call is answered.
/// </summary>
public sealed partial class ToolCallPipeline(
    ToolRegistry registry,
    ToolPolicy policy,
    ConfirmationGate confirmation,
    PageTokens pageTokens,
    AuditJournal audit,
    ToolExecutor executor,
    FanOutRunner fanOut,
    IRedactor redactor,
    OutputLimit output,
    ToolCallTelemetry telemetry,
    ILogger<ToolCallPipeline> logger)
{
    public async ValueTask<ToolResult> InvokeAsync(ToolCall call)
    {
        using var activity = ToolCallTelemetry.StartCall(call);
        var started = Stopwatch.GetTimestamp();
        ToolResult result;
        try
        {
            result = await RunAsync(call, started);
        }
        catch (OperationCanceledException) when (call.CancellationToken.IsCancellationRequested)
        {
            call.Outcome = ToolCallOutcome.Cancelled;
            await audit.WriteClosingAsync(call, call.HasIntentRecord, Stopwatch.GetElapsedTime(started));
            telemetry.EndCall(call, activity, Stopwatch.GetElapsedTime(started));
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A fault of the host or of a binder, not of the tool (the executor answers for those): still one answer, one record.
            call.Outcome = ToolCallOutcome.Failed;
            LogCallFailed(call.ToolName, call.CorrelationId, redactor.RedactText(ex.ToString()));
            result = ToolResult.Error($"The call of '{call.ToolName}' failed unexpectedly (correlation id {call.CorrelationId}); the server log has the details.");
        }

        result = redactor.RedactResult(result);
        if (await audit.WriteClosingAsync(call, call.HasIntentRecord, Stopwatch.GetElapsedTime(started)) is { } failure
            && !call.HasIntentRecord && call.Outcome != ToolCallOutcome.AuditUnavailable)
        {
            // A read (or refusal) that cannot be recorded is not answered; a change that ran is (its intent is on record).
            call.Outcome = ToolCallOutcome.AuditUnavailable;
            result = ToolResult.Error($"The answer is withheld: the audit trail cannot be written ({failure}). Tell the server's operator (correlation id {call.CorrelationId}).");
        }

        telemetry.EndCall(call, activity, Stopwatch.GetElapsedTime(started));
        return result;
    }

    private async ValueTask<ToolResult> RunAsync(ToolCall call, long started)
    {
        if (!registry.TryGet(call.ToolName, out var tool) || tool.Kind != call.Kind)
        {
            LogUnknownTool(call.ToolName, call.Channel);
            var noun = KindNames.Noun(call.Kind);
            call.Outcome = ToolCallOutcome.UnknownTool;
            call.Decision = PolicyDecision.Refuse("unknown-tool", $"Unknown {noun} '{call.ToolName}'.");
            var hint = call.Kind == ToolKind.Tool && PrototypeAliases.TargetOf(call.ToolName) is { } renamed
                ? $" It is the prototype's name for '{renamed}': call that (an operator can accept the old name with AwsMcp:Tools:PrototypeAliases=true)."
                : ClosestName.Suggestion(call.ToolName, policy.Visible(call.Kind, call.Caller).Select(known => known.Name));
            return ToolResult.Error($"Unknown {noun} '{call.ToolName}'.{hint} List the {noun}s to see what this server offers.");
        }

        call.Tool = tool;
        if (Bind(call) is { } invalid)
        {
            return invalid;
        }

        // A fan-out call has no one target: its targets are expanded, authorised and asked by the fan-out runner.
        var fansOut = tool.Roles.FansOut && call.Bound!.FansOut;
        if (!fansOut && await executor.ResolveTargetAsync(call) is { } unresolved)
        {
            return unresolved;
        }

        call.Decision = fansOut ? policy.Evaluate(tool, call.Caller) : policy.EvaluateCall(call);
        if (!call.Decision.Allowed)
        {
            call.Outcome = ToolCallOutcome.Refused;
            return ToolResult.Error(call.Decision.Reason!);
        }

        if (await confirmation.CheckAsync(call) is { } answer)
        {
            return answer;
        }

        if (tool.IsMutating)
        {
            if (await audit.WriteIntentAsync(call, Stopwatch.GetElapsedTime(started)) is { } refusal)
            {
                call.Outcome = ToolCallOutcome.AuditUnavailable;
                call.Decision = PolicyDecision.Refuse("audit-unavailable", refusal);
                return ToolResult.Error(refusal);
            }

            call.HasIntentRecord = true;
        }

        var result = fansOut ? await fanOut.RunAsync(call) : await executor.InvokeAsync(call);
        return output.Apply(call, pageTokens.Seal(call, result));
    }

    /// <summary>Splits off the host's confirmation token, opens a sealed page token, then binds; null when the arguments bound.</summary>
    private ToolResult? Bind(ToolCall call)
    {
        var tool = call.Tool!;
        if (call.ArgumentProblem is { } problem)
        {
            call.Outcome = ToolCallOutcome.InvalidArguments;
            return Invalid(tool, [problem]);
        }

        // The confirmation token is the host's argument, not the tool's: the binder and the token's hash never see it.
        (call.ToolArguments, call.ConfirmationToken) = tool.IsDestructive ? ConfirmationArgument.Split(call.Arguments) : (call.Arguments, null);
        (call.ToolArguments, var foreignPage) = pageTokens.Open(call, call.ToolArguments);
        if (foreignPage is not null)
        {
            call.Outcome = ToolCallOutcome.InvalidArguments;
            return Invalid(tool, [foreignPage]);
        }

        try
        {
            call.Bound = tool.Bind(call.ToolArguments);
            return null;
        }
        catch (ToolArgumentException ex)
        {
            call.Outcome = ToolCallOutcome.InvalidArguments;
            return Invalid(tool, ex.Problems);
        }
    }

    // Every problem at once, each naming its field, so that a caller (often a model) fixes them in one round trip.
    private static ToolResult Invalid(ServedTool tool, IReadOnlyList<ArgumentProblem> problems) =>
        ToolResult.Error($"Invalid arguments for '{tool.Name}': {string.Join("; ", problems.Select(p => $"{p.Path}: {p.Reason}"))}.");

    [LoggerMessage(Level = LogLevel.Error, Message = "Call of {Tool} failed in the pipeline; correlation id {CorrelationId}: {Exception}")]
    private partial void LogCallFailed(string tool, string correlationId, string exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call of unknown tool {Tool} via {Channel}")]
    private partial void LogUnknownTool(string tool, ToolCallChannel channel);
}
