using System.Diagnostics.CodeAnalysis;
using System.Text;
using AwsMcp.Abstractions;

namespace AwsMcp.Storage.Objects;

/// <summary>
/// Which objects read_s3_object_text reads and how: text content types (or a generic binary type on a text-like key,
/// since objects uploaded without a type get <c>binary/octet-stream</c>), at most <see cref="MaxObjectBytes"/>, and
/// strict UTF-8 without NUL bytes.
/// </summary>
internal static class TextObjects
{
    /// <summary>Larger objects are not read as text at all: they are data sets or logs for other tools.</summary>
    public const int MaxObjectBytes = 256 * 1024;

    /// <summary>
    /// The default window per call. The text goes out twice (text and structured content) under the host's output cap,
    /// and JSON escaping can triple non-ASCII text, so a window is well below half the cap.
    /// </summary>
    public const int DefaultWindowBytes = 12 * 1024;

    public const int MaxWindowBytes = 24 * 1024;

    private static readonly string[] TextApplicationTypes =
    [
        "application/json", "application/xml", "application/yaml", "application/x-yaml", "application/toml", "application/csv",
        "application/javascript", "application/x-javascript", "application/ecmascript", "application/x-ndjson", "application/jsonl",
        "application/sql", "application/x-sh", "application/x-shellscript", "application/graphql", "application/x-www-form-urlencoded",
    ];

    private static readonly string[] GenericBinaryTypes = ["", "binary/octet-stream", "application/octet-stream"];

    private static readonly string[] TextExtensions =
    [
        ".txt", ".text", ".csv", ".tsv", ".json", ".jsonl", ".ndjson", ".xml", ".yaml", ".yml", ".md", ".log", ".ini", ".cfg",
        ".conf", ".toml", ".html", ".htm", ".css", ".js", ".ts", ".py", ".sh", ".sql", ".tf", ".properties",
    ];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Null when the object can be read as text; otherwise why not.</summary>
    public static string? WhyNotText(string key, string? contentType, long? size)
    {
        var mediaType = MediaType(contentType);
        var textual = mediaType.StartsWith("text/", StringComparison.Ordinal)
            || TextApplicationTypes.Contains(mediaType)
            || mediaType.EndsWith("+json", StringComparison.Ordinal)
            || mediaType.EndsWith("+xml", StringComparison.Ordinal)
            || mediaType.EndsWith("+yaml", StringComparison.Ordinal)
            || (GenericBinaryTypes.Contains(mediaType) && TextExtensions.Any(extension => key.EndsWith(extension, StringComparison.OrdinalIgnoreCase)));
        if (!textual)
        {
            return $"its content type '{contentType}' is not text (text/*, JSON, XML, YAML, CSV and similar are)";
        }

        return size > MaxObjectBytes
            ? $"it is {size:N0} bytes, more than the {MaxObjectBytes:N0}-byte limit for reading objects as text"
            : null;
    }

    /// <summary>The MIME type to serve a text object as: its own, or text/plain for the generic binary type of an upload that named none.</summary>
    public static string TextMimeType(string? contentType) =>
        GenericBinaryTypes.Contains(MediaType(contentType)) ? "text/plain" : contentType!;

    /// <summary>Decodes a window of the object. A character cut at the window's end is left for the next window.</summary>
    public static (string Text, int BytesUsed) Decode(byte[] window, bool endOfObject, string key)
    {
        var usable = endOfObject ? window.Length : window.Length - IncompleteTail(window);
        return WhyNotDecodable(window, usable, out var text) is { } problem
            ? throw new ToolException($"Object {key} {problem}.")
            : (text!, usable);
    }

    /// <summary>A whole object as text; false when its bytes are not text after all (NUL bytes, or not UTF-8).</summary>
    public static bool TryDecode(byte[] content, [NotNullWhen(true)] out string? text) => WhyNotDecodable(content, content.Length, out text) is null;

    private static string? WhyNotDecodable(byte[] bytes, int count, out string? text)
    {
        text = null;
        if (Array.IndexOf(bytes, (byte)0, 0, count) >= 0)
        {
            return "contains NUL bytes: it is binary, not text";
        }

        try
        {
            text = StrictUtf8.GetString(bytes, 0, count);
            return null;
        }
        catch (DecoderFallbackException)
        {
            return "is not valid UTF-8 text";
        }
    }

    private static string MediaType(string? contentType) => (contentType ?? string.Empty).Split(';', 2)[0].Trim().ToLowerInvariant();

    /// <summary>How many bytes at the end belong to a UTF-8 sequence that continues past the window.</summary>
    private static int IncompleteTail(byte[] bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var value = bytes[^back];
            if ((value & 0xC0) != 0x80)
            {
                // A lead byte: the sequence it starts is complete when it has all its continuation bytes.
                var length = value >= 0xF0 ? 4 : value >= 0xE0 ? 3 : value >= 0xC0 ? 2 : 1;
                return length > back ? back : 0;
            }
        }

        return 0;
    }
}
