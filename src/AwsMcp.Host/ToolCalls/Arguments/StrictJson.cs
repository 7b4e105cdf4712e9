using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AwsMcp.Host.ToolCalls.Arguments;

/// <summary>
/// What a lenient JSON parser lets through and a tool call must refuse: a property given twice (which value did the
/// caller mean, and which one would the audit record show?) and a string with an unpaired UTF-16 surrogate (text no
/// component can render or redact). Finds the first such problem with its path, in one forward pass.
/// </summary>
public static class StrictJson
{
    /// <summary>How the reason of a problem that is malformed JSON (rather than a strictness problem) starts.</summary>
    public const string NotJson = "is not valid JSON";

    /// <summary>Parser settings for documents a call owns: duplicates refused, bounded depth.</summary>
    public static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    /// <summary>
    /// Parses a JSON-RPC message body: strictly, or, when its only fault is a strictness problem (a property given
    /// twice, an unpaired surrogate), leniently with that problem in <paramref name="problem"/> for the caller to refuse
    /// by name (the SDK would keep one of two values silently). Null when the body is not JSON at all: the SDK answers
    /// that with its parse error.
    /// </summary>
    public static JsonDocument? ParseMessage(ReadOnlyMemory<byte> body, out (string Path, string Reason)? problem)
    {
        problem = null;
        try
        {
            return JsonDocument.Parse(body, Options);
        }
        catch (JsonException)
        {
            var found = FindProblem(body.Span);
            if (found is null || found.Value.Reason.StartsWith(NotJson, StringComparison.Ordinal))
            {
                return null;
            }

            try
            {
                var document = JsonDocument.Parse(body);
                problem = found;
                return document;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// The first problem in <paramref name="utf8"/>, as (path, reason), or null when there is none. The path is
    /// relative to the document's root (<c>filters[2].name</c>; empty for the root itself).
    /// </summary>
    public static (string Path, string Reason)? FindProblem(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = Options.MaxDepth });
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        Advance(frames);
                        frames.Add(new Frame(IsObject: true));
                        break;
                    case JsonTokenType.StartArray:
                        Advance(frames);
                        frames.Add(new Frame(IsObject: false));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var frame = frames[^1];
                        if (!TryGetString(ref reader, out var name))
                        {
                            return (Path(frames), "has a property name that is not valid text (an unpaired UTF-16 surrogate)");
                        }

                        frame.Name = name;
                        if (!(frame.Names ??= new HashSet<string>(StringComparer.Ordinal)).Add(name))
                        {
                            return (Path(frames), "is given more than once; send each property once");
                        }

                        break;
                    case JsonTokenType.String:
                        Advance(frames);
                        if (!TryGetString(ref reader, out _))
                        {
                            return (Path(frames), "is not valid text: it contains an unpaired UTF-16 surrogate");
                        }

                        break;
                    default:
                        Advance(frames);
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            return (Path(frames), $"{NotJson} ({ex.Message})");
        }

        return null;
    }

    /// <summary>True when <paramref name="utf8"/> has a <c>\u</c> escape: only then can a string hold an unpaired surrogate.</summary>
    public static bool MayHaveBadEscapes(ReadOnlySpan<byte> utf8) => utf8.IndexOf("\\u"u8) >= 0;

    private static bool TryGetString(ref Utf8JsonReader reader, out string value)
    {
        if (!reader.ValueIsEscaped)
        {
            value = string.Empty; // unescaped UTF-8 was validated by the reader; the value itself is not needed here
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                value = Encoding.UTF8.GetString(reader.ValueSpan);
            }

            return true;
        }

        try
        {
            value = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = string.Empty;
            return false;
        }
    }

    // The container's current child: the next array index, or the property just named.
    private static void Advance(List<Frame> frames)
    {
        if (frames.Count > 0 && !frames[^1].IsObject)
        {
            frames[^1].Index++;
        }
    }

    private static string Path(List<Frame> frames)
    {
        var path = new StringBuilder();
        foreach (var frame in frames)
        {
            if (frame.IsObject)
            {
                if (frame.Name is { } name)
                {
                    path.Append(path.Length == 0 ? string.Empty : ".").Append(name);
                }
            }
            else if (frame.Index >= 0)
            {
                path.Append('[').Append(frame.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }

        return path.ToString();
    }

    private sealed class Frame(bool IsObject)
    {
        public bool IsObject { get; } = IsObject;

        public string? Name { get; set; }

        public HashSet<string>? Names { get; set; }

        public int Index { get; set; } = -1;
    }
}
