using System.Text;
using System.Text.RegularExpressions;

namespace AwsMcp.Host.Mcp.Resources;

/// <summary>
/// Matches a URI against a resource template of RFC 6570 level 1 (<c>{name}</c>: one path segment, percent-decoded)
/// plus reserved expansion (<c>{+name}</c>: may span segments, for S3 keys and log-group names with slashes), the
/// forms the generator accepts.
/// </summary>
public sealed partial class UriTemplate
{
    private readonly Regex _pattern;
    private readonly string[] _variables;

    public UriTemplate(string template)
    {
        Template = template;
        var pattern = new StringBuilder("^");
        var variables = new List<string>();
        var position = 0;
        foreach (Match variable in VariablePattern().Matches(template))
        {
            pattern.Append(Regex.Escape(template[position..variable.Index]));
            var reserved = variable.Groups["plus"].Success;
            pattern.Append(reserved ? "(.+)" : "([^/?#]+)");
            variables.Add(variable.Groups["name"].Value);
            position = variable.Index + variable.Length;
        }

        pattern.Append(Regex.Escape(template[position..])).Append('$');
        _pattern = new Regex(pattern.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        _variables = [.. variables];

        // The literal text: the more of it a template has, the more specific it is (tried first).
        LiteralLength = template.Length - VariablePattern().Matches(template).Sum(m => m.Length);
    }

    public string Template { get; }

    public int LiteralLength { get; }

    /// <summary>The variables' values when <paramref name="uri"/> matches, else null.</summary>
    public IReadOnlyDictionary<string, string>? Match(string uri)
    {
        var match = _pattern.Match(uri);
        if (!match.Success)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < _variables.Length; i++)
        {
            values[_variables[i]] = Uri.UnescapeDataString(match.Groups[i + 1].Value);
        }

        return values;
    }

    [GeneratedRegex(@"\{(?<plus>\+)?(?<name>[A-Za-z0-9_]+)\}")]
    private static partial Regex VariablePattern();
}
