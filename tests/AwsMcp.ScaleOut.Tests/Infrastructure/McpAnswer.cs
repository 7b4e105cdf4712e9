using System.Net;
using System.Text.Json;

namespace AwsMcp.ScaleOut.Tests.Infrastructure;

/// <summary>One answer to a <c>tools/call</c> or <c>tools/list</c>: the HTTP status, which replica gave it, and the result.</summary>
internal sealed record McpAnswer(HttpStatusCode Status, string? Upstream, string? RetryAfter, string Body)
{
    /// <summary>The JSON-RPC result, when the request got one.</summary>
    public JsonElement? Result
    {
        get
        {
            if (Status != HttpStatusCode.OK)
            {
                return null;
            }

            using var document = JsonDocument.Parse(Body);
            return document.RootElement.TryGetProperty("result", out var result) ? result.Clone() : null;
        }
    }

    /// <summary>True for a tool call the server answered as done: 200 and not <c>isError</c>.</summary>
    public bool Succeeded => Result is { } result && !(result.TryGetProperty("isError", out var error) && error.GetBoolean());

    /// <summary>The tool's text (its first content block).</summary>
    public string Text => Result is { } result && result.TryGetProperty("content", out var content) && content.GetArrayLength() > 0
        ? content[0].GetProperty("text").GetString() ?? ""
        : Body;

    /// <summary>The tool's structured answer, parsed from its text.</summary>
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Text);
        return document.RootElement.Clone();
    }
}
