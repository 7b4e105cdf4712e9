using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwsMcp.Host.Mcp.Stdio;

/// <summary>
/// Standard input as the MCP SDK reads it, one JSON-RPC message per line, with a bound on a line's size: the SDK would
/// buffer a line of any length in memory. Lines are handed on whole; one over <c>AwsMcp:Mcp:MaxMessageBytes</c> never
/// reaches the SDK: it is dropped as it arrives, skipped to its end and answered with a JSON-RPC error (with its id,
/// when its start shows one). At most one line's worth of memory is held.
/// </summary>
public sealed partial class BoundedStdin(Stream stdin, StdoutLines stdout, int maxLineBytes) : Stream
{
    private const int IdWindow = 4096;

    private readonly ArrayBufferWriter<byte> _line = new(4096);
    private readonly byte[] _chunk = new byte[16 * 1024];
    private byte[] _ready = [];
    private int _readyOffset;
    private long _skipped;
    private byte[]? _skippedHead;

    /// <summary>Set once the host is built (the stream is handed to the SDK before there is a container to log with).</summary>
    public ILogger Logger { get; set; } = NullLogger.Instance;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_readyOffset >= _ready.Length)
        {
            var read = stdin.Read(_chunk);
            if (read == 0)
            {
                if (EndOfInput())
                {
                    continue;
                }

                return 0;
            }

            Accept(_chunk.AsSpan(0, read));
        }

        return Serve(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_readyOffset >= _ready.Length)
        {
            var read = await stdin.ReadAsync(_chunk, cancellationToken);
            if (read == 0)
            {
                if (EndOfInput())
                {
                    continue;
                }

                return 0;
            }

            Accept(_chunk.AsSpan(0, read));
        }

        return Serve(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            stdin.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Serve(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _ready.Length - _readyOffset);
        _ready.AsSpan(_readyOffset, count).CopyTo(buffer);
        _readyOffset += count;
        return count;
    }

    /// <summary>At the end of input, a last line without its newline is still a message (or still too large).</summary>
    private bool EndOfInput()
    {
        if (_line.WrittenCount == 0 && _skippedHead is null)
        {
            return false;
        }

        Accept("\n"u8);
        return _ready.Length > 0;
    }

    /// <summary>Collects whole lines (ready for the SDK) and drops what is over the limit.</summary>
    private void Accept(ReadOnlySpan<byte> data)
    {
        var ready = new ArrayBufferWriter<byte>();
        while (!data.IsEmpty)
        {
            var newline = data.IndexOf((byte)'\n');
            var part = newline < 0 ? data : data[..newline];
            if (_skippedHead is not null)
            {
                _skipped += part.Length;
            }
            else if (_line.WrittenCount + part.Length > maxLineBytes)
            {
                // Too large: keep only its start (for the id) and drop the rest as it comes.
                _skippedHead = [.. _line.WrittenSpan[..Math.Min(_line.WrittenCount, IdWindow)], .. part[..Math.Min(part.Length, Math.Max(0, IdWindow - _line.WrittenCount))]];
                _skipped = _line.WrittenCount + part.Length;
                _line.ResetWrittenCount();
            }
            else
            {
                _line.Write(part);
            }

            if (newline < 0)
            {
                break;
            }

            if (_skippedHead is not null)
            {
                Refuse(_skippedHead, _skipped);
                _skippedHead = null;
            }
            else
            {
                ready.Write(_line.WrittenSpan);
                ready.Write("\n"u8);
            }

            _line.ResetWrittenCount();
            data = data[(newline + 1)..];
        }

        _ready = ready.WrittenSpan.ToArray();
        _readyOffset = 0;
    }

    private void Refuse(byte[] head, long size)
    {
        var id = Id().Match(Encoding.UTF8.GetString(head)) is { Success: true } match ? match.Groups["id"].Value : "null";
        LogTooLarge(Logger, size, maxLineBytes);
        stdout.WriteLine(Encoding.UTF8.GetBytes(
            $$$"""{"jsonrpc":"2.0","id":{{{id}}},"error":{"code":-32600,"message":"Message too large: {{{size}}} bytes, over the limit of {{{maxLineBytes}}} (AwsMcp:Mcp:MaxMessageBytes); it was not processed."}}"""));
    }

    [GeneratedRegex("""^\s*\{.*?"id"\s*:\s*(?<id>-?[0-9]{1,18}|"[^"\\]{0,200}")""", RegexOptions.CultureInvariant)]
    private static partial Regex Id();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A stdio message of {Bytes} bytes was refused: the limit is {Limit} (AwsMcp:Mcp:MaxMessageBytes)")]
    private static partial void LogTooLarge(ILogger logger, long bytes, int limit);
}
