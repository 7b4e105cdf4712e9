using System.Buffers;
using System.Text;
using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Abstractions.Redaction;

namespace AwsMcp.Host.ToolCalls.Audit;

/// <summary>The default <see cref="IRedactor"/>: the rules of <see cref="SecretRedactor"/>, shared with tool packs.</summary>
public sealed class SharedSecretRedactor : IRedactor
{
    public string RedactArguments(JsonElement arguments)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            SecretRedactor.RedactJson(arguments).WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public ToolResult RedactResult(ToolResult result)
    {
        if (result.Structured is { } json && string.Equals(result.Text, json.GetRawText(), StringComparison.Ordinal))
        {
            // A generated structured result: its text is the same JSON, so redact the tree once and derive the text.
            var redacted = SecretRedactor.RedactJson(json);
            return Equals(redacted, json) ? result : result with { Text = redacted.GetRawText(), Structured = redacted };
        }

        var text = SecretRedactor.RedactJsonOrText(result.Text);
        JsonElement? structured = result.Structured is { } value ? SecretRedactor.RedactJson(value) : null;
        return ReferenceEquals(text, result.Text) && Nullable.Equals(structured, result.Structured)
            ? result
            : result with { Text = text, Structured = structured };
    }

    public string RedactText(string text) => SecretRedactor.RedactText(text);
}
