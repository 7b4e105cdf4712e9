using AwsMcp.Host.Hosting;
using AwsMcp.Host.Redaction;

namespace AwsMcp.Host.ToolCalls.Audit;

/// <summary>
/// Writes a call's audit records to every sink and says whether they are durable. A call that may change something
/// is written ahead: its intent record must be durable before the tool runs, or the call is refused and nothing
/// changes. Every call then gets its outcome (or single) record, durable before the call is answered. Arguments and
/// resources are redacted once, before the tool runs.
/// </summary>
public sealed partial class AuditJournal(IEnumerable<IAuditSink> sinks, IRedactor redactor, BackgroundHealth health, ILogger<AuditJournal> logger)
{
    /// <summary>The component name in <see cref="BackgroundHealth"/>: readiness says when records cannot be written.</summary>
    public const string Component = "audit";

    private readonly IAuditSink[] _sinks = [.. sinks];

    // 1 while the last write failed: readiness changes on a transition only, not on every call.
    private int _failing;

    /// <summary>Writes the intent record; null when it is durable, else why the call must be refused.</summary>
    public async ValueTask<string?> WriteIntentAsync(ToolCall call, TimeSpan elapsed)
    {
        var failure = await WriteAsync(Record(call, AuditRecordKind.Intent, elapsed));
        return failure is null
            ? null
            : $"The call was refused and nothing was changed: the audit trail cannot be written ({failure}). Tell the server's operator (correlation id {call.CorrelationId}).";
    }

    /// <summary>
    /// Writes the call's closing record (its outcome after an intent, else its single record); null when durable,
    /// else what failed.
    /// </summary>
    public ValueTask<string?> WriteClosingAsync(ToolCall call, bool hadIntent, TimeSpan elapsed) =>
        WriteAsync(Record(call, hadIntent ? AuditRecordKind.Outcome : AuditRecordKind.Call, elapsed));

    private async ValueTask<string?> WriteAsync(AuditRecord record)
    {
        foreach (var sink in _sinks)
        {
            try
            {
                // The call's token may already be cancelled; the record must still be written.
                await sink.WriteAsync(record, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogAuditFailed(record.Kind, record.Tool, record.CorrelationId, sink.GetType().Name, ex.Message);
                Volatile.Write(ref _failing, 1);
                health.Degraded(Component, $"audit records cannot be written ({sink.GetType().Name}: {ex.Message}): changes are refused and reads withheld");
                return ex.Message;
            }
        }

        if (Volatile.Read(ref _failing) == 1 && Interlocked.Exchange(ref _failing, 0) == 1)
        {
            health.Healthy(Component, "audit records are written again");
        }

        return null;
    }

    private AuditRecord Record(ToolCall call, AuditRecordKind kind, TimeSpan elapsed)
    {
        var caller = call.Caller;
        var bound = call.Bound;
        return new AuditRecord(
            kind,
            call.StartedAt,
            call.CorrelationId,
            call.Channel,
            caller.Id,
            caller.DisplayName,
            caller.AuthenticationMethod,
            call.ToolName,
            call.Tool?.PluginName,
            call.Region,
            call.Account,
            bound is null ? [] : Redact(bound.Resources),
            bound?.ResourceCount ?? 0,
            kind == AuditRecordKind.Outcome ? null : call.RedactedArguments(redactor),
            call.Decision.Allowed,
            call.Decision.Rule,
            call.Decision.Reason,
            call.Outcome,
            elapsed,
            kind == AuditRecordKind.Intent ? [] : call.AuditTrail.Requests,
            kind == AuditRecordKind.Intent ? [] : call.AuditTrail.Targets,
            kind == AuditRecordKind.Intent ? [] : Redact(call.AuditTrail.Resources),
            call.Kind);
    }

    private IReadOnlyList<string> Redact(IReadOnlyList<string> values) =>
        values.Count == 0 ? values : [.. values.Select(redactor.RedactText)];

    [LoggerMessage(Level = LogLevel.Critical, Message = "Audit {Kind} record of {Tool} (correlation {CorrelationId}) could not be written to {Sink}: {Reason}")]
    private partial void LogAuditFailed(AuditRecordKind kind, string tool, string correlationId, string sink, string reason);
}
