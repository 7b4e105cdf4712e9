namespace AwsMcp.Host.ToolCalls.Audit.JsonLines;

/// <summary>Another live process is the writer of the replica this process was configured as (see <see cref="AuditReplica"/>).</summary>
public sealed class AuditReplicaInUseException(string message) : IOException(message);
