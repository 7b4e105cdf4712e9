namespace AwsMcp.Sandbox.Services.Logs;

/// <summary>A log stream: its events in timestamp order. Guarded by the archive's lock.</summary>
public sealed class LogStream(string name, long creationTime)
{
    private readonly List<LogEvent> _events = [];

    public string Name => name;

    public long CreationTime => creationTime;

    public IReadOnlyList<LogEvent> Events => _events;

    public long StoredBytes { get; private set; }

    public long? LastIngestionTime { get; private set; }

    public int SequenceNumber { get; private set; }

    public void Append(LogEvent logEvent)
    {
        var index = _events.FindLastIndex(existing => existing.Timestamp <= logEvent.Timestamp) + 1;
        _events.Insert(index, logEvent);
        StoredBytes += logEvent.Size;
        LastIngestionTime = Math.Max(LastIngestionTime ?? 0, logEvent.IngestionTime);
    }

    public string NextSequenceToken() => (++SequenceNumber).ToString("D56", System.Globalization.CultureInfo.InvariantCulture);
}
