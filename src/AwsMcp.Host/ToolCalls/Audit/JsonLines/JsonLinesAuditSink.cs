using System.Collections.Concurrent;
using AwsMcp.Host.Buffers;
using AwsMcp.Host.Configuration;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.ToolCalls.Audit.JsonLines;

/// <summary>
/// The default, durable audit sink: one chained JSON line per record (<see cref="AuditChain"/>), appended to this
/// replica's chain in <c>AwsMcp:Audit:Path</c> (<see cref="AuditReplica"/>, <see cref="AuditSegment"/>). A record's
/// task completes only once its line is on disk (fsync), so an acknowledged call is never missing from the audit. Group
/// commit: each record is serialised once, by its caller, into a pooled buffer; whichever caller finds no write in
/// progress becomes the writer and appends every queued line with one write and one fsync, so concurrent calls share
/// the cost of durability instead of queueing for an fsync each. Segments rotate at <c>MaxFileBytes</c> and the chain
/// carries on, also across restarts (<see cref="AuditChainTail"/>). The folder is also the spool the S3 shipper reads.
/// </summary>
public sealed class JsonLinesAuditSink : IAuditSink, IDisposable
{
    private readonly AuditOptions _options;
    private readonly AuditReplica _replica;
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<PendingLine> _queue = new();
    private readonly List<PendingLine> _batch = [];
    private readonly Lock _opening = new();
    private int _writing;
    private FileStream? _file;
    private Opened? _opened;
    private int _segment;
    private long _sequence;
    private string _previous = AuditChain.Genesis;

    public JsonLinesAuditSink(IOptions<AuditOptions> options, AuditReplica replica, TimeProvider time)
    {
        _options = options.Value;
        _replica = replica;
        _time = time;
    }

    /// <summary>The segment being written, once the first record has been.</summary>
    public string? CurrentPath => _file?.Name;

    /// <summary>
    /// Claims this process's replica and finds where its chain goes on. The first write does it otherwise; the server
    /// does it as it starts, so that a replica id another live process holds stops it there, not at its first call.
    /// </summary>
    /// <exception cref="AuditReplicaInUseException">Another live process writes this replica's chain.</exception>
    public void Open()
    {
        if (!_options.Enabled || Volatile.Read(ref _opened) is not null)
        {
            return;
        }

        lock (_opening)
        {
            if (_opened is not null)
            {
                return;
            }

            var replica = _replica.Claim();
            var chain = new AuditChain(_options.ChainKeyBytes(), _options.ChainKeyId, replica);
            var tail = AuditChainTail.Find(_options.FullPath, replica, chain, _time.GetUtcNow());
            _segment = tail.LastSegment;
            _sequence = tail.Sequence;
            _previous = tail.Previous;
            Volatile.Write(ref _opened, new Opened(tail.Chain, chain));
        }
    }

    public ValueTask WriteAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return ValueTask.CompletedTask;
        }

        var body = new PooledBufferWriter(1024);
        AuditRecordJson.Write(body, record);
        var pending = new PendingLine(body);
        _queue.Enqueue(pending);
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            WriteQueued();
        }

        return new ValueTask(pending.Durable.Task);
    }

    public void Dispose()
    {
        // Callers are done (the host stops serving first); flush whatever is still queued.
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            WriteQueued();
        }

        _file?.Dispose();
    }

    // Runs on the one caller that won the writer flag, until the queue is empty; a caller that enqueues after the
    // flag was released takes it over.
    private void WriteQueued()
    {
        do
        {
            try
            {
                while (_queue.TryDequeue(out var pending))
                {
                    _batch.Add(pending);
                }

                if (_batch.Count > 0)
                {
                    WriteBatch();
                }
            }
            finally
            {
                // Whatever happened, the next caller must be able to write: a stuck flag would stall every call.
                Volatile.Write(ref _writing, 0);
            }
        }
        while (!_queue.IsEmpty && Interlocked.CompareExchange(ref _writing, 1, 0) == 0);
    }

    private void WriteBatch()
    {
        try
        {
            Open();
            var sequence = _sequence;
            var previous = _previous;
            var file = _file is null || (_file.Length > 0 && _file.Length > _options.MaxFileBytes) ? Rotate() : _file;
            foreach (var pending in _batch)
            {
                // The record's JSON without its closing brace; the chain fields close it.
                var body = pending.Body.WrittenSpan[..^1];
                var (tail, hash) = _opened!.Chain.Link(body, ++sequence, previous);
                file.Write(body);
                file.Write(tail);
                previous = hash;
            }

            file.Flush(flushToDisk: true);
            _sequence = sequence;
            _previous = previous;
            foreach (var pending in _batch)
            {
                pending.Durable.TrySetResult();
            }
        }
        catch (Exception ex)
        {
            // Nothing of this batch counts as written (whatever failed: the disk, the folder, a bug): its callers fail
            // closed. A partial line may be on disk; the next batch starts a new segment, chained to the last durable
            // record, so the torn line stays visibly torn.
            _file?.Dispose();
            _file = null;
            foreach (var pending in _batch)
            {
                pending.Durable.TrySetException(new IOException($"audit folder '{_options.FullPath}': {ex.Message}", ex));
            }
        }
        finally
        {
            foreach (var pending in _batch)
            {
                pending.Body.Dispose();
            }

            _batch.Clear();
        }
    }

    private FileStream Rotate()
    {
        _file?.Dispose();
        _file = null;
        var folder = _options.FullPath;
        Directory.CreateDirectory(folder);

        // A segment that got nothing (the process died, or the write failed, right after it was created) is reused
        // rather than left as a hole: S3 only ever receives segments with records, so a set synced down from S3 would
        // show the empty one as a missing segment.
        var path = Path.Combine(folder, AuditSegment.FileName(_opened!.Name, _segment));
        var reuse = _segment > 0 && new FileInfo(path) is { Exists: true, Length: 0 };
        if (!reuse)
        {
            path = Path.Combine(folder, AuditSegment.FileName(_opened.Name, ++_segment));
        }

        var file = new FileStream(path, reuse ? FileMode.Open : FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024);
        _file = file;
        return file;
    }

    /// <summary>The chain this process writes, once <see cref="Open"/> found it.</summary>
    private sealed record Opened(string Name, AuditChain Chain);

    private sealed class PendingLine(PooledBufferWriter body)
    {
        public PooledBufferWriter Body { get; } = body;

        public TaskCompletionSource Durable { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
