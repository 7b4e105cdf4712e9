using System.Text;
using System.Text.Json;
using AwsMcp.Host.Configuration;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.ToolCalls.Audit.JsonLines;

/// <summary>
/// The default audit sink: one hash-chained JSON line per record, appended to <c>AwsMcp:Audit:Path</c> and flushed
/// to disk (fsync) before the call returns, so an acknowledged call is never missing from the audit. Segments
/// rotate at <c>MaxFileBytes</c>; the chain carries on into the next segment. The folder is also the spool the
/// S3 shipper reads.
/// </summary>
public sealed class JsonLinesAuditSink : IAuditSink, IDisposable
{
    private readonly AuditOptions _options;
    private readonly string _run;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private FileStream? _file;
    private int _sequence;
    private string _previous = AuditChain.Genesis;

    public JsonLinesAuditSink(IOptions<AuditOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _run = AuditSegment.NewRun(time.GetUtcNow());
    }

    /// <summary>The segment being written, once the first record has been.</summary>
    public string? CurrentPath => _file?.Name;

    public async ValueTask WriteAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        var entry = JsonSerializer.SerializeToNode(record, AuditJsonContext.Default.AuditRecord)!.AsObject();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var (line, hash) = AuditChain.Link(entry, _previous);
            var bytes = Encoding.UTF8.GetBytes(line + "\n");
            var file = _file is null || (_file.Length > 0 && _file.Length + bytes.Length > _options.MaxFileBytes) ? Rotate() : _file;
            await file.WriteAsync(bytes, cancellationToken);
            file.Flush(flushToDisk: true);
            _previous = hash;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _file?.Dispose();
        _gate.Dispose();
    }

    private FileStream Rotate()
    {
        _file?.Dispose();
        var folder = _options.FullPath;
        Directory.CreateDirectory(folder);
        _file = new FileStream(
            Path.Combine(folder, AuditSegment.FileName(_run, ++_sequence)), FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        return _file;
    }
}
