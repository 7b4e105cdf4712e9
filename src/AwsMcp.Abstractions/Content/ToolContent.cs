namespace AwsMcp.Abstractions;

/// <summary>
/// One block of a result or prompt message beyond plain text: an image, audio, a resource embedded in the answer, or
/// a link to a resource the client can read later. MCP clients that do not render a kind still get its text blocks.
/// </summary>
public abstract record ToolContent
{
    private protected ToolContent()
    {
    }

    public static ToolContent FromText(string text) => new TextContent(text);

    public static ToolContent Image(ReadOnlyMemory<byte> data, string mimeType) => new ImageContent(data, mimeType);

    public static ToolContent Audio(ReadOnlyMemory<byte> data, string mimeType) => new AudioContent(data, mimeType);

    public static ToolContent Embedded(ResourceContent resource) => new EmbeddedResourceContent(resource);

    public static ToolContent Link(string uri, string name, string? mimeType = null, string? description = null) =>
        new ResourceLinkContent(uri, name, mimeType, description);
}

public sealed record TextContent(string Text) : ToolContent;

public sealed record ImageContent(ReadOnlyMemory<byte> Data, string MimeType) : ToolContent;

public sealed record AudioContent(ReadOnlyMemory<byte> Data, string MimeType) : ToolContent;

/// <summary>A resource's content carried in the answer; its <see cref="ResourceContent.Uri"/> must be set.</summary>
public sealed record EmbeddedResourceContent(ResourceContent Resource) : ToolContent;

/// <summary>A pointer to a resource the client can read with <c>resources/read</c>.</summary>
public sealed record ResourceLinkContent(string Uri, string Name, string? MimeType = null, string? Description = null) : ToolContent;
