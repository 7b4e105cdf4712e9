namespace AwsMcp.Host.ToolCalls.Audit;

/// <summary>
/// Where audit records go. Every registered sink receives every record, and a record counts as written once every
/// sink's task has completed: a durable sink completes only when the record is on disk. A sink that throws fails
/// the call closed (an intent refuses the call; a closing record withholds a read's answer).
/// </summary>
public interface IAuditSink
{
    ValueTask WriteAsync(AuditRecord record, CancellationToken cancellationToken);
}
