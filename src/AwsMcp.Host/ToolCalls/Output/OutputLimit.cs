using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcp.Abstractions;
using AwsMcp.Host.Configuration;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.ToolCalls.Output;

/// <summary>
/// Bounds what a call returns to <c>AwsMcp:Tools:MaxOutputBytes</c>. A read that is too large is withheld, with the
/// arguments the tool declares for narrowing it: truncating silently would hand a model half a list it believes is
/// complete. A change that is too large is never withheld (the model would retry it and change things twice): it is
/// answered as the success it was, shortened, saying so.
/// </summary>
public sealed class OutputLimit(IOptionsMonitor<ToolOptions> options)
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public ToolResult Apply(ToolCall call, ToolResult result)
    {
        var limit = options.CurrentValue.MaxOutputBytes;
        var size = Size(result);
        if (result.IsError || size <= limit)
        {
            return result;
        }

        var tool = call.Tool!;
        if (tool.IsMutating && call.Outcome == ToolCallOutcome.Succeeded)
        {
            call.Outcome = ToolCallOutcome.SucceededTruncated;
            return Shorten(result, size, limit);
        }

        call.Outcome = ToolCallOutcome.TooLarge;
        var narrowing = tool.Roles.Narrowing;
        var how = narrowing.Count > 0 ? $"Narrow the request with {string.Join(", ", narrowing)}." : "Narrow the request with more specific arguments.";
        return ToolResult.Error(string.Create(
            CultureInfo.InvariantCulture, $"The result of '{tool.Name}' is too large to return ({size:N0} bytes; this server returns at most {limit:N0}). {how}"));
    }

    // Text and structured content both travel: a JSON result's text is the same JSON. Bytes travel as base64.
    private static int Size(ToolResult result) => result.HasUtf8Json
        ? 2 * result.Utf8Json.Length
        : Encoding.UTF8.GetByteCount(result.Text) + (result.Structured is { } structured ? Encoding.UTF8.GetByteCount(structured.GetRawText()) : 0)
            + result.Content.Sum(BinarySize);

    private static int BinarySize(ToolContent content) => content switch
    {
        ImageContent image => Base64Length(image.Data.Length),
        AudioContent audio => Base64Length(audio.Data.Length),
        EmbeddedResourceContent { Resource.Blob: { } blob } => Base64Length(blob.Length),
        _ => 0,
    };

    private static int Base64Length(int bytes) => (bytes + 2) / 3 * 4;

    /// <summary>
    /// The result with its longest arrays cut down until it fits (still valid for its output schema), and a text that
    /// says the change was made and the answer shortened.
    /// </summary>
    private static ToolResult Shorten(ToolResult result, int size, int limit)
    {
        var note = string.Create(
            CultureInfo.InvariantCulture,
            $"The change was made. Its result ({size:N0} bytes) is over this server's output limit ({limit:N0} bytes), so lists in it are shortened; do not repeat the call. ");
        var budget = (limit - Encoding.UTF8.GetByteCount(note)) / 2;
        var node = (result.HasUtf8Json ? JsonNode.Parse(result.Utf8Json.Span) : result.Structured is { } structured ? JsonNode.Parse(structured.GetRawText()) : null);
        if (node is null)
        {
            var text = result.Text;
            var keep = Math.Max(0, Math.Min(text.Length, limit - Encoding.UTF8.GetByteCount(note) - 64) / 2);
            return new ToolResult($"{note}{text[..keep]}… [shortened]");
        }

        var omitted = 0;
        while (Encoding.UTF8.GetByteCount(node.ToJsonString(Compact)) > budget && LongestArray(node) is { Count: > 0 } array)
        {
            var remove = Math.Max(1, array.Count / 2);
            for (var i = 0; i < remove; i++)
            {
                array.RemoveAt(array.Count - 1);
            }

            omitted += remove;
        }

        var json = node.ToJsonString(Compact);
        using var document = JsonDocument.Parse(json);
        return new ToolResult($"{note}{omitted} list item(s) were left out. {json}", document.RootElement.Clone());
    }

    private static JsonArray? LongestArray(JsonNode node)
    {
        JsonArray? longest = null;
        var longestLength = 0;
        foreach (var array in Arrays(node))
        {
            var length = array.ToJsonString().Length;
            if (array.Count > 0 && length > longestLength)
            {
                (longest, longestLength) = (array, length);
            }
        }

        return longest;
    }

    private static IEnumerable<JsonArray> Arrays(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                yield return array;
                foreach (var item in array)
                {
                    foreach (var nested in Arrays(item))
                    {
                        yield return nested;
                    }
                }

                break;
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    foreach (var nested in Arrays(value))
                    {
                        yield return nested;
                    }
                }

                break;
        }
    }
}
