using System.Text.Json;

namespace AwsMcp.Abstractions;

/// <summary>The outcome of a tool call: text always, structured JSON when the tool has an output schema.</summary>
public sealed record ToolResult(string Text, JsonElement? Structured = null, bool IsError = false)
{
    public static ToolResult Error(string message) => new(message, null, IsError: true);
}
