using AwsMcp.Abstractions;

namespace AwsMcp.Host.Tools;

/// <summary>How messages name each <see cref="ToolKind"/>.</summary>
public static class KindNames
{
    public static string Noun(ToolKind kind) => kind switch
    {
        ToolKind.Prompt => "prompt",
        ToolKind.Resource or ToolKind.ResourceTemplate => "resource",
        ToolKind.Completion => "completion source",
        _ => "tool",
    };
}
