using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Abstractions.Redaction;

namespace AwsMcp.Host.Redaction;

/// <summary>The default <see cref="IRedactor"/>: the rules of <see cref="SecretRedactor"/>, shared with tool packs.</summary>
public sealed class SharedSecretRedactor : IRedactor
{
    public string RedactArguments(JsonElement arguments) => SecretRedactor.RedactJsonToCompactText(arguments);

    public ToolResult RedactResult(ToolResult result)
    {
        if (result.HasUtf8Json)
        {
            // A generated structured result: one pass over its bytes, rebuilt only where something matched.
            var redacted = SecretRedactor.RedactUtf8Json(result.Utf8Json);
            return redacted.Equals(result.Utf8Json) ? result : ToolResult.Json(redacted);
        }

        if (result.Prompt is { } prompt)
        {
            return ToolResult.FromPrompt(new PromptResult([.. prompt.Messages.Select(m => m with { Content = RedactContent(m.Content) })], prompt.Description));
        }

        if (result.Content.Count > 0)
        {
            return ToolResult.FromContent([.. result.Content.Select(RedactContent)], result.IsError);
        }

        var text = SecretRedactor.RedactJsonOrText(result.Text);
        JsonElement? structured = result.Structured is { } value ? SecretRedactor.RedactJson(value) : null;
        return ReferenceEquals(text, result.Text) && Nullable.Equals(structured, result.Structured)
            ? result
            : new ToolResult(text, structured, result.IsError);
    }

    public string RedactText(string text) => SecretRedactor.RedactText(text);

    // Text wherever a block carries it; bytes (images, audio, binary resources) are the tool's data, passed as they are.
    private static ToolContent RedactContent(ToolContent content) => content switch
    {
        TextContent text => new TextContent(SecretRedactor.RedactJsonOrText(text.Text)),
        EmbeddedResourceContent { Resource.Text: { } text } embedded =>
            new EmbeddedResourceContent(ResourceContent.FromText(SecretRedactor.RedactJsonOrText(text), embedded.Resource.MimeType, embedded.Resource.Uri)),
        _ => content,
    };
}
