using System.Text.Json;

namespace AwsMcp.ScaleOut.Tests.Infrastructure;

/// <summary>The audit records every replica wrote (each its own hash-chained spool, every run of it), read from disk.</summary>
internal static class AuditTrail
{
    public static IReadOnlyList<JsonElement> Records(IEnumerable<string> auditFolders)
    {
        var records = new List<JsonElement>();
        foreach (var file in auditFolders.Where(Directory.Exists).SelectMany(folder => Directory.EnumerateFiles(folder, "*.jsonl")))
        {
            foreach (var line in File.ReadLines(file).Where(line => line.Length > 0))
            {
                try
                {
                    using var document = JsonDocument.Parse(line);
                    records.Add(document.RootElement.Clone());
                }
                catch (JsonException)
                {
                    // A torn last line of a killed replica: its call was never answered.
                }
            }
        }

        return records;
    }

    /// <summary>The records that closed a call of <paramref name="tool"/> on <paramref name="resource"/> with <paramref name="outcome"/>.</summary>
    public static IEnumerable<JsonElement> Outcomes(this IEnumerable<JsonElement> records, string tool, string resource, string outcome) =>
        records.Where(record => record.GetProperty("kind").GetString() is "outcome" or "call"
            && record.GetProperty("tool").GetString() == tool
            && record.GetProperty("outcome").GetString() == outcome
            && record.TryGetProperty("resources", out var resources) && resources.ValueKind == JsonValueKind.Array
            && resources.EnumerateArray().Any(r => r.GetString() == resource));
}
