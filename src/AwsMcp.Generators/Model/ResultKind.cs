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
}
