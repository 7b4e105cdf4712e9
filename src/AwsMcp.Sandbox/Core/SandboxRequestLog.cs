namespace AwsMcp.Sandbox.Core;

/// <summary>The most recent requests, bounded so that a long-running <c>--sandbox</c> does not grow without limit.</summary>
internal sealed class SandboxRequestLog(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Queue<SandboxRequestLogEntry> _entries = new();

    public void Add(SandboxRequestLogEntry entry)
    {
        lock (_gate)
        {
            if (_entries.Count == capacity)
            {
                _entries.Dequeue();
            }

            _entries.Enqueue(entry);
        }
    }

    public IReadOnlyList<SandboxRequestLogEntry> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }
}
