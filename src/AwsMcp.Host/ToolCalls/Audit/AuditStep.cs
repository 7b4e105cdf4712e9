using System.Diagnostics;
using AwsMcp.Abstractions;

namespace AwsMcp.Host.ToolCalls.Audit;

/// <summary>
/// The outermost step: writes one audit record per call, whatever happened inside, refusals and cancellations
/// included. The record is written after the call so that it carries the outcome and duration.
/// </summary>
public sealed class AuditStep(IEnumerable<IAuditSink> sinks, IRedactor redactor) : IToolCallStep
{
    private readonly IAuditSink[] _sinks = [.. sinks];

    public async ValueTask<ToolResult> InvokeAsync(ToolCall call, ToolCallHandler next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next(call);
        }
        catch (OperationCanceledException) when (call.CancellationToken.IsCancellationRequested)
        {
            call.Outcome = ToolCallOutcome.Cancelled;
            throw;
        }
        finally
        {
            var caller = call.Request.Caller;
            var record = new AuditRecord(
                call.StartedAt, call.CorrelationId, call.Request.Channel, caller.Id, caller.DisplayName, caller.AuthenticationMethod,
                call.Tool.Name, call.Tool.PluginName, redactor.RedactArguments(call.Arguments), call.Decision.Allowed, call.Decision.Rule,
                call.Decision.Reason, call.Outcome, Stopwatch.GetElapsedTime(started), call.Region, call.Account, call.AuditTrail.Requests,
                call.AuditTrail.Resources);

            // The call's token may already be cancelled; the record must still be written.
            foreach (var sink in _sinks)
            {
                await sink.WriteAsync(record, CancellationToken.None);
            }
        }
    }
}
