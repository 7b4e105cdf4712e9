namespace AwsMcp.Host.ToolCalls.Audit;

/// <summary>
/// Where audit records go. Every registered sink receives every record; a sink that throws fails the call closed
/// rather than letting an unaudited call through silently.
/// </summary>
public interface IAuditSink
{
    ValueTask WriteAsync(AuditRecord record, CancellationToken cancellationToken);
}
