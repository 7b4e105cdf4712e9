namespace AwsMcp.Generators.Model;

/// <summary>How the invoker turns the awaited return value into a <c>ToolResult</c>.</summary>
internal enum ResultKind
{
    /// <summary><c>Task</c>/<c>ValueTask</c>: the text <c>ok</c>, no structured content.</summary>
    Completion,

    /// <summary><c>string</c>: the text as is, no output schema.</summary>
    Text,

    /// <summary><c>ToolResult</c>: passed through.</summary>
    ToolResult,

    /// <summary>Any other supported type: structured content with an output schema; the text is the compact JSON.</summary>
    Structured,

    /// <summary>A prompt's <c>PromptResult</c>: <c>ToolResult.FromPrompt</c>.</summary>
    Prompt,

    /// <summary>A prompt's <c>string</c>: one user message.</summary>
    PromptText,

    /// <summary>A resource's <c>ResourceContent</c>: <c>ToolResult.FromResource</c>.</summary>
    Resource,

    /// <summary>A resource's <c>string</c>: text content of the declared (or text/plain) MIME type.</summary>
    ResourceText,

    /// <summary>A resource's <c>byte[]</c> or <c>ReadOnlyMemory&lt;byte&gt;</c>: binary content.</summary>
    ResourceBytes,
}
