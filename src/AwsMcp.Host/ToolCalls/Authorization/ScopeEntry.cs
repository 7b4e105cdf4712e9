using AwsMcp.Host.Tools;

namespace AwsMcp.Host.ToolCalls.Authorization;

/// <summary>One entry of a scope's tool set (<c>AwsMcp:Policy:Scopes:&lt;scope&gt;</c>): a tool-name glob, or <c>toolset:&lt;name&gt;</c>.</summary>
public sealed class ScopeEntry
{
    private const string ToolsetPrefix = "toolset:";

    private readonly string? _toolset;
    private readonly GlobPattern? _glob;

    private ScopeEntry(string? toolset, GlobPattern? glob) => (_toolset, _glob) = (toolset, glob);

    public static ScopeEntry Parse(string entry) =>
        entry.StartsWith(ToolsetPrefix, StringComparison.Ordinal) ? new(entry[ToolsetPrefix.Length..], null) : new(null, new GlobPattern(entry));

    public bool Matches(ServedTool tool) => _toolset is not null ? string.Equals(tool.Toolset, _toolset, StringComparison.Ordinal) : _glob!.IsMatch(tool.Name);
}
