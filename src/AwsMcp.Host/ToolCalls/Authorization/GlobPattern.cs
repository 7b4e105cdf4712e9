using System.Text.RegularExpressions;

namespace AwsMcp.Host.ToolCalls.Authorization;

/// <summary>A tool-name glob: <c>*</c> matches any run of characters, <c>?</c> one character; everything else is literal.</summary>
public sealed class GlobPattern
{
    private readonly Regex _regex;

    public GlobPattern(string pattern)
    {
        Pattern = pattern;
        var body = Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal);
        _regex = new Regex($"^{body}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100));
    }

    public string Pattern { get; }

    public bool IsMatch(string toolName) => _regex.IsMatch(toolName);
}
