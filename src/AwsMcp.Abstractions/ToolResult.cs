using System.Text;
using System.Text.Json;

namespace AwsMcp.Abstractions;

/// <summary>
/// The outcome of a tool call: text always, structured JSON when the tool has an output schema, content blocks
/// (images, audio, embedded resources, links) when the tool returns them, the messages of a prompt. A generated
/// structured result is kept as the UTF-8 JSON its writer produced (<see cref="Utf8Json"/>): the host sends those
/// bytes as they are and derives the text (the same JSON) or a parsed element only when something asks for them.
/// </summary>
public sealed class ToolResult
{
    private readonly ReadOnlyMemory<byte> _utf8Json;
    private string? _text;
    private JsonElement? _structured;

    /// <summary>A text result, optionally with structured content (hand-built tools, errors, plans).</summary>
    public ToolResult(string text, JsonElement? structured = null, bool isError = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = text;
        _structured = structured;
        IsError = isError;
    }

    private ToolResult(IReadOnlyList<ToolContent> content, PromptResult? prompt, bool isError)
    {
        Content = content;
        Prompt = prompt;
        IsError = isError;
        _text = prompt is null ? TextOf(content) : TextOf(prompt.Messages.Select(m => m.Content));
    }

    private ToolResult(ReadOnlyMemory<byte> utf8Json)
    {
        _utf8Json = utf8Json;
        HasUtf8Json = true;
    }

    /// <summary>The text: what most clients show the model. For a JSON result, the same JSON.</summary>
    public string Text => _text ??= Encoding.UTF8.GetString(_utf8Json.Span);

    /// <summary>The structured content, or null when there is none.</summary>
    public JsonElement? Structured => _structured ??= HasUtf8Json ? Parse(_utf8Json) : null;

    /// <summary>True when the tool reports a failure the caller should read.</summary>
    public bool IsError { get; }

    /// <summary>True when the result is structured JSON kept as UTF-8 bytes (its text is the same JSON).</summary>
    public bool HasUtf8Json { get; }

    /// <summary>
    /// The content blocks, in order, when the result is more than text (<see cref="FromContent"/>, a resource read);
    /// empty otherwise. <see cref="Text"/> is then their text blocks, with a one-line note for each other block.
    /// </summary>
    public IReadOnlyList<ToolContent> Content { get; } = [];

    /// <summary>The rendered prompt, for a <c>[Prompt]</c>'s result; null otherwise.</summary>
    public PromptResult? Prompt { get; }

    /// <summary>The structured content as compact UTF-8 JSON; empty unless <see cref="HasUtf8Json"/>.</summary>
    public ReadOnlyMemory<byte> Utf8Json => _utf8Json;

    /// <summary>A structured result: <paramref name="utf8Json"/> is a JSON object and also the text.</summary>
    public static ToolResult Json(ReadOnlyMemory<byte> utf8Json) => new(utf8Json);

    /// <summary>A result of several content blocks (text, images, audio, embedded resources, resource links), in order.</summary>
    public static ToolResult FromContent(IReadOnlyList<ToolContent> content, bool isError = false)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new(content, null, isError);
    }

    /// <summary>The result of a <c>[Prompt]</c>: its messages.</summary>
    public static ToolResult FromPrompt(PromptResult prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return new([], prompt, isError: false);
    }

    /// <summary>The result of a <c>[Resource]</c> read: the content as one embedded resource.</summary>
    public static ToolResult FromResource(ResourceContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new([new EmbeddedResourceContent(content)], null, isError: false);
    }

    /// <summary>An error the caller should read (<c>isError</c>).</summary>
    public static ToolResult Error(string message) => new(message, null, isError: true);

    private static string TextOf(IEnumerable<ToolContent> content) => string.Join('\n', content.Select(block => block switch
    {
        TextContent text => text.Text,
        EmbeddedResourceContent { Resource.Text: { } text } => text,
        EmbeddedResourceContent { Resource: var resource } => $"[resource {resource.Uri} ({resource.MimeType}), {resource.Blob?.Length ?? 0} bytes]",
        ImageContent image => $"[image ({image.MimeType}), {image.Data.Length} bytes]",
        AudioContent audio => $"[audio ({audio.MimeType}), {audio.Data.Length} bytes]",
        ResourceLinkContent link => $"[link {link.Name}: {link.Uri}]",
        _ => string.Empty,
    }));

    private static JsonElement Parse(ReadOnlyMemory<byte> utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json);
        return document.RootElement.Clone();
    }
}
