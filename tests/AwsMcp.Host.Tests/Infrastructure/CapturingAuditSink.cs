using System.Collections.Concurrent;
using AwsMcp.Host.ToolCalls.Audit;

namespace AwsMcp.Host.Tests.Infrastructure;

/// <summary>Keeps every audit record for assertions.</summary>
internal sealed class CapturingAuditSink : IAuditSink
{
    private readonly ConcurrentQueue<AuditRecord> _records = new();

    public IReadOnlyList<AuditRecord> Records => [.. _records];

    public ValueTask WriteAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        _records.Enqueue(record);
        return ValueTask.CompletedTask;
    }
}
