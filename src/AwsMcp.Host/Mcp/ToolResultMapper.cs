using AwsMcp.Abstractions;
using AwsMcp.Host.Mcp.Content;
using ModelContextProtocol.Protocol;

namespace AwsMcp.Host.Mcp;

/// <summary>
/// Turns a pipeline result into the MCP SDK's <see cref="CallToolResult"/> (the SDK path): text always (it is what
/// most clients show the model), <c>structuredContent</c> only for tools that declare an output schema, <c>isError</c>
/// only when set; a result of content blocks (images, audio, resources, links) as those blocks. <see cref="Http.CallToolResultJson"/> writes the same shape for the answers the host writes itself.
/// </summary>
public static class ToolResultMapper
{
    public static CallToolResult ToCallToolResult(Tool tool, ToolResult result) => new()
    {
        Content = result.Content.Count > 0 ? [.. result.Content.Select(ContentBlocks.ToSdk)] : [new TextContentBlock { Text = result.Text }],
        StructuredContent = tool.OutputSchema is not null && !result.IsError ? result.Structured : null,
        IsError = result.IsError ? true : null,
    };
}
