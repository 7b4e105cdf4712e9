using AwsMcp.Host.Configuration;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.ToolCalls.Audit.JsonLines;

/// <summary>
/// This process's claim on its replica's files in the audit folder (its chain, its used-confirmation-token log):
/// <c>&lt;replica&gt;.writer.lock</c>, held from the first write (or the server's start) until the process ends. Whoever
/// holds it is the only writer of that replica's files, so replicas sharing a folder (a shared volume) never write
/// into each other's files, and a restart after a crash, whose lock the operating system released, takes it again and
/// continues the chain. A second live process with the same id does not get it: with a configured
/// <c>AwsMcp:Audit:ReplicaId</c> it is refused (two pods were given one id: a deployment error to surface, not to
/// paper over); with a defaulted id (the machine name, when several desktop clients each start a server) it takes the
/// first free lane <c>&lt;id&gt;_2</c>, <c>&lt;id&gt;_3</c>, …: a chain of its own, continued by whichever process next
/// holds that lane.
/// </summary>
public sealed partial class AuditReplica(IOptions<AuditOptions> options, ILogger<AuditReplica> logger) : IDisposable
{
    private const string LockExtension = ".writer.lock";

    // Enough for every desktop client at once; beyond that something is starting servers in a loop.
    private const int MaxLanes = 32;

    private readonly Lock _gate = new();
    private AuditFileLock? _lock;
    private string? _id;

    /// <summary>
    /// Takes this process's replica (once) and returns its id, the name of its chain and files.
    /// </summary>
    /// <exception cref="AuditReplicaInUseException">Another live process holds the configured replica id, or every lane of a defaulted one.</exception>
    /// <exception cref="IOException">The audit folder cannot be written.</exception>
    public string Claim()
    {
        lock (_gate)
        {
            if (_id is not null)
            {
                return _id;
            }

            var folder = options.Value.FullPath;
            var replica = options.Value.Replica();
            Directory.CreateDirectory(folder);
            for (var lane = 1; lane <= (replica.Configured ? 1 : MaxLanes); lane++)
            {
                var id = lane == 1 ? replica.Id : $"{replica.Id}_{lane}";
                if (AuditFileLock.TryTake(Path.Combine(folder, id + LockExtension)) is { } taken)
                {
                    if (lane > 1)
                    {
                        LogLane(id, replica.Id, folder);
                    }

                    _lock = taken;
                    _id = id;
                    return id;
                }
            }

            throw new AuditReplicaInUseException(replica.Configured
                ? $"The audit chain of replica '{replica.Id}' in '{folder}' is being written by another live process (it holds " +
                    $"'{replica.Id}{LockExtension}'). Every running process needs its own {replica.From}: set it to an id no other " +
                    "process uses, or give this process its own AwsMcp:Audit:Path."
                : $"The audit chains of replica '{replica.Id}' and its {MaxLanes - 1} lanes in '{folder}' are all being written by other " +
                    "live processes. Set AwsMcp:Audit:ReplicaId for this process, or give it its own AwsMcp:Audit:Path.");
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _lock?.Dispose();
            _lock = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit replica '{Replica}' is being written by another process in {Folder}; this process writes the chain '{Lane}'")]
    private partial void LogLane(string lane, string replica, string folder);
}
