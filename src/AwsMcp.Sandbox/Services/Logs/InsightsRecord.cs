using System.Globalization;

namespace AwsMcp.Sandbox.Services.Logs;

/// <summary>An event seen by a Logs Insights query, with the system fields it exposes.</summary>
public sealed record InsightsRecord(LogGroup Group, LogStream Stream, LogEvent Event)
{
    public static IReadOnlyList<string> DefaultFields { get; } = ["@timestamp", "@message", "@logStream", "@log"];

    /// <summary>A field's value as Insights prints it, or null when the record has no such field.</summary>
    public string? Field(string name) =>
        name switch
        {
            "@timestamp" => Format(Event.Timestamp),
            "@ingestionTime" => Format(Event.IngestionTime),
            "@message" => Event.Message,
            "@logStream" => Stream.Name,
            "@log" => Group.QualifiedName,
            "@ptr" => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Group.QualifiedName}|{Event.EventId}")),
            _ => null,
        };

    private static string Format(long milliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
