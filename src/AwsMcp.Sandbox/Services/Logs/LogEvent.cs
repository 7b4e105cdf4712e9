namespace AwsMcp.Sandbox.Services.Logs;

/// <summary>One stored log event (times in epoch milliseconds, as the Logs API counts them).</summary>
public sealed record LogEvent(long Timestamp, string Message, long IngestionTime, string EventId)
{
    public int Size => System.Text.Encoding.UTF8.GetByteCount(Message) + 26;
}
