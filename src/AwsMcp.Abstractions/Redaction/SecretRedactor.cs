using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace AwsMcp.Abstractions.Redaction;

/// <summary>
/// The one place that decides what must never be written down or handed to a model: AWS access key ids, secret
/// access keys, session tokens, passwords and other secrets in <c>name=value</c> pairs, JSON properties and
/// environment maps, credentials in URLs and Authorization headers, private-key blocks, bearer and vendor tokens. The
/// host applies it to audit records, logs and every tool result; tool packs can use it for free text they return.
/// Every method runs in time linear in its input and never throws on any input.
/// </summary>
public static class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "[redacted]";

    /// <summary>True when a property, argument or variable called <paramref name="name"/> holds a secret by convention.</summary>
    public static bool IsSecretName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return SecretNames.Classify(name) == SecretNames.Kind.Secret;
    }

    /// <summary>Redacts secrets in free text (log lines, error messages, command output, JSON rendered as text).</summary>
    public static string RedactText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TextRedactor.Redact(text);
    }

    /// <summary>
    /// Redacts a JSON value: secret-named properties are masked whatever their value, <c>{"Name": "DB_PASSWORD",
    /// "Value": "…"}</c> environment entries have their value masked, and every other string goes through
    /// <see cref="RedactText"/>. Returns <paramref name="value"/> itself when nothing needed redacting.
    /// </summary>
    public static JsonElement RedactJson(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            return value;
        }

        var redacted = JsonRedactor.Redact(JsonMarshal.GetRawUtf8Value(value), out _);
        if (redacted is null)
        {
            return value;
        }

        using var document = JsonDocument.Parse(redacted);
        return document.RootElement.Clone();
    }

    /// <summary>Redacts UTF-8 JSON; returns <paramref name="json"/> itself when nothing needed redacting.</summary>
    public static ReadOnlyMemory<byte> RedactUtf8Json(ReadOnlyMemory<byte> json)
    {
        var redacted = JsonRedactor.Redact(json.Span, out var notJson);
        if (notJson)
        {
            var text = Encoding.UTF8.GetString(json.Span);
            var redactedText = TextRedactor.Redact(text);
            return ReferenceEquals(text, redactedText) ? json : Encoding.UTF8.GetBytes(redactedText);
        }

        return redacted ?? json;
    }

    /// <summary>A JSON value redacted and written on one line (audit records); never throws.</summary>
    public static string RedactJsonToCompactText(JsonElement value) =>
        value.ValueKind == JsonValueKind.Undefined ? "null" : JsonRedactor.Compact(JsonMarshal.GetRawUtf8Value(value));

    /// <summary>
    /// Redacts text that may be JSON: redacted as JSON when it is an object or array, as free text otherwise.
    /// Unchanged text is returned as is, formatting included.
    /// </summary>
    public static string RedactJsonOrText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.Length > 0 && trimmed[0] is '{' or '[')
        {
            var redacted = JsonRedactor.Redact(Encoding.UTF8.GetBytes(text), out var notJson);
            if (!notJson)
            {
                return redacted is null ? text : Encoding.UTF8.GetString(redacted);
            }
        }

        return TextRedactor.Redact(text);
    }
}
