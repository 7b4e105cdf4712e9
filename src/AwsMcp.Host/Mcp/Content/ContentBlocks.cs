using System.Text.Json;
using AwsMcp.Abstractions;
using ModelContextProtocol.Protocol;
using AudioContent = AwsMcp.Abstractions.AudioContent;
using ImageContent = AwsMcp.Abstractions.ImageContent;
using TextContent = AwsMcp.Abstractions.TextContent;

namespace AwsMcp.Host.Mcp.Content;

/// <summary>
/// A pack's content blocks (<see cref="ToolContent"/>, <see cref="ResourceContent"/>) in MCP's shapes: as the SDK's
/// objects for the answers the SDK writes, and as JSON for the answers the host writes itself (one definition of
/// each block's wire form: type, base64 data, MIME type, URI).
/// </summary>
public static class ContentBlocks
{
    public static ContentBlock ToSdk(ToolContent content) => content switch
    {
        TextContent text => new TextContentBlock { Text = text.Text },
        ImageContent image => ImageContentBlock.FromBytes(image.Data, image.MimeType),
        AudioContent audio => AudioContentBlock.FromBytes(audio.Data, audio.MimeType),
        EmbeddedResourceContent embedded => new EmbeddedResourceBlock { Resource = ToSdk(embedded.Resource, embedded.Resource.Uri ?? string.Empty) },
        ResourceLinkContent link => new ResourceLinkBlock { Uri = link.Uri, Name = link.Name, MimeType = link.MimeType, Description = link.Description },
        _ => throw new ArgumentOutOfRangeException(nameof(content), content.GetType().Name, "Unknown content block."),
    };

    /// <summary>A resource's content, at <paramref name="uri"/> unless it names its own.</summary>
    public static ResourceContents ToSdk(ResourceContent resource, string uri) => resource.Blob is { } blob
        ? BlobResourceContents.FromBytes(blob, resource.Uri ?? uri, resource.MimeType)
        : new TextResourceContents { Uri = resource.Uri ?? uri, MimeType = resource.MimeType, Text = resource.Text ?? string.Empty };

    /// <summary>Writes <paramref name="content"/> as one element of a <c>content</c> array.</summary>
    public static void Write(Utf8JsonWriter writer, ToolContent content)
    {
        writer.WriteStartObject();
        switch (content)
        {
            case TextContent text:
                writer.WriteString("type"u8, "text"u8);
                writer.WriteString("text"u8, text.Text);
                break;
            case ImageContent image:
                WriteData(writer, "image"u8, image.Data, image.MimeType);
                break;
            case AudioContent audio:
                WriteData(writer, "audio"u8, audio.Data, audio.MimeType);
                break;
            case EmbeddedResourceContent embedded:
                writer.WriteString("type"u8, "resource"u8);
                writer.WritePropertyName("resource"u8);
                WriteResource(writer, embedded.Resource, embedded.Resource.Uri ?? string.Empty);
                break;
            case ResourceLinkContent link:
                writer.WriteString("type"u8, "resource_link"u8);
                writer.WriteString("uri"u8, link.Uri);
                writer.WriteString("name"u8, link.Name);
                WriteOptional(writer, "mimeType"u8, link.MimeType);
                WriteOptional(writer, "description"u8, link.Description);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(content), content.GetType().Name, "Unknown content block.");
        }

        writer.WriteEndObject();
    }

    private static void WriteResource(Utf8JsonWriter writer, ResourceContent resource, string uri)
    {
        writer.WriteStartObject();
        writer.WriteString("uri"u8, resource.Uri ?? uri);
        WriteOptional(writer, "mimeType"u8, resource.MimeType);
        if (resource.Blob is { } blob)
        {
            writer.WriteBase64String("blob"u8, blob.Span);
        }
        else
        {
            writer.WriteString("text"u8, resource.Text);
        }

        writer.WriteEndObject();
    }

    private static void WriteData(Utf8JsonWriter writer, ReadOnlySpan<byte> type, ReadOnlyMemory<byte> data, string mimeType)
    {
        writer.WriteString("type"u8, type);
        writer.WriteBase64String("data"u8, data.Span);
        writer.WriteString("mimeType"u8, mimeType);
    }

    private static void WriteOptional(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
