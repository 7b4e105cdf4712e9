using AwsMcp.Host.Configuration;
using AwsMcp.Host.ToolCalls.Audit;
using AwsMcp.Host.ToolCalls.Audit.JsonLines;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Tests.Infrastructure;

/// <summary>One replica's JSON-lines sink as a host builds it (its replica claim and its sink), disposed together as the host's container does.</summary>
internal sealed class ReplicaSink : IDisposable
{
    public ReplicaSink(AuditOptions options, TimeProvider? time = null)
    {
        Options = Microsoft.Extensions.Options.Options.Create(options);
        Replica = new AuditReplica(Options, NullLogger<AuditReplica>.Instance);
        Sink = new JsonLinesAuditSink(Options, Replica, time ?? TimeProvider.System);
    }

    public IOptions<AuditOptions> Options { get; }

    public AuditReplica Replica { get; }

    public JsonLinesAuditSink Sink { get; }

    public ValueTask WriteAsync(AuditRecord record) => Sink.WriteAsync(record, CancellationToken.None);

    public void Dispose()
    {
        Sink.Dispose();
        Replica.Dispose();
    }
}
