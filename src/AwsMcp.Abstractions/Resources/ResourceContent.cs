namespace AwsMcp.Abstractions;

/// <summary>
/// The content of a resource: text or binary, with its MIME type. A <c>[Resource]</c> method may leave
/// <see cref="Uri"/> null: the host fills in the URI that was read.
/// </summary>
public sealed record ResourceContent
{
    private ResourceContent(string? uri, string? mimeType, string? text, ReadOnlyMemory<byte>? blob)
    {
        Uri = uri;
        MimeType = mimeType;
        Text = text;
        Blob = blob;
    }

    public string? Uri { get; init; }

    public string? MimeType { get; init; }

    /// <summary>The text, or null for binary content.</summary>
    public string? Text { get; }

    /// <summary>The bytes, or null for text content.</summary>
    public ReadOnlyMemory<byte>? Blob { get; }

    public static ResourceContent FromText(string text, string? mimeType = "text/plain", string? uri = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(uri, mimeType, text, null);
    }

    public static ResourceContent FromBytes(ReadOnlyMemory<byte> bytes, string? mimeType = "application/octet-stream", string? uri = null) =>
        new(uri, mimeType, null, bytes);
}
