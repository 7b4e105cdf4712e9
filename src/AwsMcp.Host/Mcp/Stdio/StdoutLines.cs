namespace AwsMcp.Host.Mcp.Stdio;

/// <summary>
/// Standard output as the MCP SDK writes it (one JSON-RPC message per line), plus answers the host writes itself
/// between the SDK's lines, never inside one: an injected line waits until the SDK's current line is complete.
/// </summary>
public sealed class StdoutLines(Stream stdout) : Stream
{
    private readonly Lock _gate = new();
    private readonly Queue<byte[]> _waiting = new();
    private bool _atLineStart = true;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Writes <paramref name="line"/> (UTF-8 JSON, no newline) as a line of its own, now or after the SDK's current line.</summary>
    public void WriteLine(byte[] line)
    {
        lock (_gate)
        {
            if (_atLineStart)
            {
                WriteNow(line);
            }
            else
            {
                _waiting.Enqueue(line);
            }
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
            stdout.Write(buffer);
            _atLineStart = buffer[^1] == (byte)'\n';
            while (_atLineStart && _waiting.TryDequeue(out var line))
            {
                WriteNow(line);
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

    private void WriteNow(byte[] line)
    {
        stdout.Write(line);
        stdout.Write("\n"u8);
        stdout.Flush();
    }
}
