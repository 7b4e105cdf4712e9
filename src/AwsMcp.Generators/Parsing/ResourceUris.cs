using System.Text.RegularExpressions;

namespace AwsMcp.Generators.Parsing;

/// <summary>
/// Checks resource URIs and URI templates. Templates are what the host can match a read URI against: RFC 6570 level 1
/// (<c>{name}</c>, no slashes in the value) plus reserved expansion (<c>{+name}</c>, slashes allowed), literal text
/// between them, and the scheme literal too.
/// </summary>
internal static class ResourceUris
{
    private static readonly Regex s_absolute = new(@"^[A-Za-z][A-Za-z0-9+.\-]*://\S+$", RegexOptions.CultureInvariant);
    private static readonly Regex s_variable = new("^[A-Za-z0-9_]+$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Null when <paramref name="uri"/> is a valid fixed URI (<paramref name="isTemplate"/> false) or URI template, else
    /// why not. <paramref name="variables"/> receives a template's variable names, in order.
    /// </summary>
    public static string? Problem(string? uri, bool isTemplate, List<string> variables)
    {
        if (uri is null || !s_absolute.IsMatch(uri))
        {
            return "it must be an absolute URI with a scheme and no spaces, such as aws://service/path";
        }

        for (int i = 0; i < uri.Length; i++)
        {
            if (uri[i] == '}')
            {
                return $"the '}}' at index {i} closes no '{{'";
            }

            if (uri[i] != '{')
            {
                continue;
            }

            if (!isTemplate)
            {
                return "a [Resource] URI is fixed and cannot contain '{'; use [ResourceTemplate] for a URI with variables";
            }

            int end = uri.IndexOf('}', i + 1);
            if (end < 0)
            {
                return $"the '{{' at index {i} is not closed";
            }

            int nested = uri.IndexOf('{', i + 1);
            if (nested >= 0 && nested < end)
            {
                return $"the '{{' at index {nested} is inside another expression";
            }

            string expression = uri.Substring(i + 1, end - i - 1);
            string name = expression.StartsWith("+", StringComparison.Ordinal) ? expression.Substring(1) : expression;
            if (!s_variable.IsMatch(name))
            {
                return $"'{{{expression}}}' is not supported: use {{name}} or {{+name}} (a value with slashes), a name of letters, digits and '_'";
            }

            if (variables.Contains(name))
            {
                return $"the variable '{name}' appears twice";
            }

            variables.Add(name);
            i = end;
        }

        return isTemplate && variables.Count == 0 ? "it has no variable; a fixed URI is a [Resource]" : null;
    }
}
