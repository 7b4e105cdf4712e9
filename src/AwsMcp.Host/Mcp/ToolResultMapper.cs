using AwsMcp.Abstractions;
using AwsMcp.Host.Tools;
using ModelContextProtocol.Protocol;

namespace AwsMcp.Host.Mcp;

/// <summary>
/// Turns a pipeline result into an MCP <see cref="CallToolResult"/>: text always (it is what most clients show the
/// model), <c>structuredContent</c> only for tools that declare an output schema, <c>isError</c> only when set.
/// </summary>
public static class ToolResultMapper
{
    public static CallToolResult ToCallToolResult(ServedTool tool, ToolResult result) => new()
    {
        Content = [new TextContentBlock { Text = result.Text.Length > 0 || result.Structured is null ? result.Text : result.Structured.Value.GetRawText() }],
        StructuredContent = tool.OutputSchema is not null && !result.IsError ? result.Structured : null,
        IsError = result.IsError ? true : null,
    };
}
