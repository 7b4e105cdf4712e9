using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AwsMcp.Abstractions.Redaction;

/// <summary>
/// Redacts UTF-8 JSON in one forward pass over its tokens, without building a tree: values under secret names are
/// masked whatever they are, <c>{"Name": "DB_PASSWORD", "Value": "…"}</c> entries have their value masked, paging
/// cursors are only checked for unmistakable secret shapes (so they keep working), and every other string that
/// could hold a secret goes through all of <see cref="TextRedactor"/>.
/// The pass only records edits; the input is rebuilt only when there is one. It never throws: input that is not
/// valid JSON is redacted as text.
/// </summary>
internal static class JsonRedactor
{
    private static readonly byte[] MaskJson = Encoding.UTF8.GetBytes("\"" + SecretRedactor.Mask + "\"");

    private static readonly JsonWriterOptions CompactWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>Redacted JSON, or null when nothing needed redacting (or the input is not JSON: then <paramref name="notJson"/> is true).</summary>
    public static byte[]? Redact(ReadOnlySpan<byte> json, out bool notJson)
    {
        notJson = false;
        List<Edit>? edits;
        try
        {
            edits = FindEdits(json);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            notJson = true;
            return null;
        }

        return edits is null ? null : Apply(json, edits);
    }

    /// <summary>The JSON redacted and written compactly (one line, for an audit record); never throws.</summary>
    public static string Compact(ReadOnlySpan<byte> json)
    {
        var redacted = Redact(json, out var notJson);
        if (!notJson)
        {
            try
            {
                var source = redacted is null ? json : redacted;
                var buffer = new ArrayBufferWriter<byte>(source.Length);
                using (var writer = new Utf8JsonWriter(buffer, CompactWriter))
                {
                    var reader = new Utf8JsonReader(source);
                    while (reader.Read())
                    {
                        CopyToken(ref reader, writer);
                    }
                }

                return Encoding.UTF8.GetString(buffer.WrittenSpan);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
            {
                // Not representable as JSON text (an unpaired surrogate): kept below as a redacted JSON string.
            }
        }

        return JsonSerializer.Serialize(TextRedactor.Redact(Encoding.UTF8.GetString(json)), JsonStringContext.Options);
    }

    private static List<Edit>? FindEdits(ReadOnlySpan<byte> json)
    {
        List<Edit>? edits = null;
        var frames = new List<Frame>(8);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        var pending = SecretNames.Kind.Plain;
        string? pendingName = null;
        Span<char> nameBuffer = stackalloc char[128];
        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    // Names are short and recur: read into a stack buffer and classify through the cache, no string.
                    var fits = (reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) <= nameBuffer.Length;
                    var owned = fits ? null : reader.GetString()!;
                    ReadOnlySpan<char> name = fits ? nameBuffer[..reader.CopyString(nameBuffer)] : owned;
                    pending = SecretNames.Classify(name);
                    pendingName = owned ?? (IsEntryField(name) ? name.ToString() : null);
                    continue;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (pending == SecretNames.Kind.Secret)
                    {
                        reader.Skip();
                        (edits ??= []).Add(new Edit(start, (int)reader.BytesConsumed - start, MaskJson));
                    }
                    else
                    {
                        frames.Add(new Frame(pending == SecretNames.Kind.Verbatim));
                    }

                    break;
                case JsonTokenType.EndObject:
                    var frame = frames[^1];
                    frames.RemoveAt(frames.Count - 1);
                    if (frame.EntryName is { } entryName && frame.EntryValue is { } value && SecretRedactor.IsSecretName(entryName))
                    {
                        (edits ??= []).Add(new Edit(value.Start, value.Length, MaskJson));
                    }

                    break;
                case JsonTokenType.EndArray:
                    frames.RemoveAt(frames.Count - 1);
                    break;
                default:
                    var length = (int)reader.BytesConsumed - start;
                    var parent = frames.Count > 0 ? frames[^1] : null;
                    if (parent is not null && pendingName is not null)
                    {
                        RememberEntryField(parent, pendingName, ref reader, start, length);
                    }

                    if (pending == SecretNames.Kind.Secret)
                    {
                        if (!reader.ValueSpan.SequenceEqual(MaskJson.AsSpan(1, MaskJson.Length - 2)))
                        {
                            (edits ??= []).Add(new Edit(start, length, MaskJson));
                        }
                    }
                    else if (reader.TokenType == JsonTokenType.String && MayHoldSecret(reader.ValueSpan))
                    {
                        var text = reader.GetString()!;
                        var redacted = TextRedactor.Redact(text, shapesOnly: pending == SecretNames.Kind.Verbatim || parent?.Verbatim == true);
                        if (!ReferenceEquals(redacted, text))
                        {
                            (edits ??= []).Add(new Edit(start, length, JsonSerializer.SerializeToUtf8Bytes(redacted, JsonStringContext.Options)));
                        }
                    }

                    break;
            }

            pending = SecretNames.Kind.Plain;
            pendingName = null;
        }

        return edits;
    }

    // Short strings without a separator cannot hold any secret shape (the shortest, an access key id, has 20 characters).
    private static bool MayHoldSecret(ReadOnlySpan<byte> value) =>
        value.Length >= 16 || value.IndexOfAny((byte)'=', (byte)':') >= 0;

    private static bool IsEntryField(ReadOnlySpan<char> name) =>
        name.Equals("name", StringComparison.OrdinalIgnoreCase) || name.Equals("key", StringComparison.OrdinalIgnoreCase)
        || name.Equals("value", StringComparison.OrdinalIgnoreCase);

    private static void RememberEntryField(Frame frame, string name, ref Utf8JsonReader reader, int start, int length)
    {
        if (name.Equals("value", StringComparison.OrdinalIgnoreCase))
        {
            frame.EntryValue = (start, length);
        }
        else if (reader.TokenType == JsonTokenType.String && (name.Equals("name", StringComparison.OrdinalIgnoreCase) || name.Equals("key", StringComparison.OrdinalIgnoreCase)))
        {
            frame.EntryName = reader.GetString();
        }
    }

    private static byte[] Apply(ReadOnlySpan<byte> json, List<Edit> edits)
    {
        edits.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var output = new ArrayBufferWriter<byte>(json.Length + 64);
        var position = 0;
        foreach (var edit in edits)
        {
            if (edit.Start < position)
            {
                continue; // inside a container already masked, or the same value masked twice
            }

            output.Write(json[position..edit.Start]);
            output.Write(edit.Replacement);
            position = edit.Start + edit.Length;
        }

        output.Write(json[position..]);
        return output.WrittenSpan.ToArray();
    }

    private static void CopyToken(ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                writer.WriteStartObject();
                break;
            case JsonTokenType.EndObject:
                writer.WriteEndObject();
                break;
            case JsonTokenType.StartArray:
                writer.WriteStartArray();
                break;
            case JsonTokenType.EndArray:
                writer.WriteEndArray();
                break;
            case JsonTokenType.PropertyName when reader.ValueIsEscaped:
                writer.WritePropertyName(reader.GetString()!);
                break;
            case JsonTokenType.PropertyName:
                writer.WritePropertyName(reader.ValueSpan);
                break;
            case JsonTokenType.String when reader.ValueIsEscaped:
                writer.WriteStringValue(reader.GetString());
                break;
            case JsonTokenType.String:
                writer.WriteStringValue(reader.ValueSpan);
                break;
            default:
                writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                break;
        }
    }

    private readonly record struct Edit(int Start, int Length, byte[] Replacement);

    private sealed class Frame(bool verbatim)
    {
        public bool Verbatim { get; } = verbatim;

        public string? EntryName { get; set; }

        public (int Start, int Length)? EntryValue { get; set; }
    }

    private static class JsonStringContext
    {
        public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    }
}
