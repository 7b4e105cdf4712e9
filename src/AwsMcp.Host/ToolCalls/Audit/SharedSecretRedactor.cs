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
        var text = SecretRedactor.RedactJsonOrText(result.Text);
        JsonElement? structured = result.Structured is { } value ? SecretRedactor.RedactJson(value) : null;
        return ReferenceEquals(text, result.Text) && Nullable.Equals(structured, result.Structured)
            ? result
            : result with { Text = text, Structured = structured };
    }

    public string RedactText(string text) => SecretRedactor.RedactText(text);
}
