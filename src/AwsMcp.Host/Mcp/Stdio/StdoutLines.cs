using System.Buffers;

namespace AwsMcp.Host.Mcp.Stdio;

/// <summary>
/// Standard output as the MCP SDK writes it (one JSON-RPC message per line), each line written once complete and with
/// the SDK's needless escapes undone (<see cref="JsonEscapes"/>), plus answers the host writes itself between the SDK's
/// lines, never inside one.
/// </summary>
public sealed class StdoutLines(Stream stdout) : Stream
{
    private readonly Lock _gate = new();
    private readonly ArrayBufferWriter<byte> _line = new(4096);
    private readonly ArrayBufferWriter<byte> _compact = new(4096);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Writes <paramref name="line"/> (UTF-8 JSON, no newline) as a line of its own, between the SDK's lines.</summary>
    public void WriteLine(byte[] line)
    {
        lock (_gate)
        {
            WriteNow(line);
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return;
        }

        lock (_gate)
        {
            while (!buffer.IsEmpty)
            {
                var newline = buffer.IndexOf((byte)'\n');
                if (newline < 0)
                {
                    _line.Write(buffer);
                    return;
                }

                _line.Write(buffer[..newline]);
                JsonEscapes.Compact(_line.WrittenSpan, _compact);
                WriteNow(_compact.WrittenSpan);
                _line.ResetWrittenCount();
                _compact.ResetWrittenCount();
                buffer = buffer[(newline + 1)..];
            }
        }
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Flush()
    {
        lock (_gate)
        {
            stdout.Flush();
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flush();
        return Task.CompletedTask;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            stdout.Dispose();
        }

        base.Dispose(disposing);
    }

    private void WriteNow(ReadOnlySpan<byte> line)
    {
        stdout.Write(line);
        stdout.Write("\n"u8);
        stdout.Flush();
    }
}
