using System.Text.Json;
using System.Text.Json.Nodes;

namespace AwsMcp.Host.ToolCalls.Audit.JsonLines;

/// <summary>
/// Makes audit lines tamper-evident: each carries <c>prev</c>, the hash of the line before it (64 zeros for the first
/// line of a run), and <c>hash</c>, the SHA-256 of its own canonical JSON without <c>hash</c>. Editing, removing or
/// reordering a line breaks the chain at that line.
/// </summary>
public static class AuditChain
{
    public const string PreviousProperty = "prev";
    public const string HashProperty = "hash";

    public static readonly string Genesis = new('0', 64);

    /// <summary>Links <paramref name="entry"/> after <paramref name="previous"/>; returns the line (no newline) and its hash.</summary>
    public static (string Line, string Hash) Link(JsonObject entry, string previous)
    {
        entry.Remove(HashProperty);
        entry[PreviousProperty] = previous;
        var hash = Hash(entry);
        entry[HashProperty] = hash;
        return (entry.ToJsonString(), hash);
    }

    /// <summary>What a line says its predecessor and own hash are, and what its hash really is.</summary>
    /// <exception cref="JsonException">The line is not a JSON object.</exception>
    public static (string? Previous, string? Stated, string Actual) Inspect(string line)
    {
        var entry = JsonNode.Parse(line) as JsonObject ?? throw new JsonException("not a JSON object");
        var stated = (entry[HashProperty] as JsonValue)?.GetValue<string>();
        var previous = (entry[PreviousProperty] as JsonValue)?.GetValue<string>();
        entry.Remove(HashProperty);
        return (previous, stated, Hash(entry));
    }

    private static string Hash(JsonObject entry)
    {
        using var document = JsonDocument.Parse(entry.ToJsonString());
        return CanonicalJson.Sha256Hex(document.RootElement);
    }
}
