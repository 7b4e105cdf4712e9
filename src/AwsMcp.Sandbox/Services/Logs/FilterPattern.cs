namespace AwsMcp.Sandbox.Services.Logs;

/// <summary>
/// The subset of CloudWatch Logs filter-pattern syntax the sandbox understands, all case-sensitive as in AWS:
/// <c>ERROR timeout</c> (every term), <c>"exact phrase"</c>, <c>?ERROR ?WARN</c> (at least one of the ?-terms),
/// <c>-DEBUG</c> (excluded term), and the empty pattern (everything). JSON (<c>{ $.x = … }</c>) and space-delimited
/// (<c>[ip, user, …]</c>) patterns are rejected with InvalidParameterException rather than silently mis-matched.
/// </summary>
public sealed class FilterPattern
{
    private readonly List<string> _required = [];
    private readonly List<string> _optional = [];
    private readonly List<string> _excluded = [];

    private FilterPattern()
    {
    }

    public static FilterPattern Parse(string? pattern, Func<string, Exception> invalid)
    {
        var result = new FilterPattern();
        var text = (pattern ?? string.Empty).Trim();
        if (text.StartsWith('{') || text.StartsWith('['))
        {
            throw invalid("JSON and space-delimited filter patterns are not supported by the sandbox; use terms, \"phrases\", ?term and -term.");
        }

        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var list = text[i] switch
            {
                '?' => result._optional,
                '-' => result._excluded,
                _ => result._required,
            };
            if (text[i] is '?' or '-')
            {
                i++;
            }

            string term;
            if (i < text.Length && text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                if (close < 0)
                {
                    throw invalid("Invalid filter pattern: unterminated quoted phrase.");
                }

                term = text[(i + 1)..close];
                i = close + 1;
            }
            else
            {
                var end = i;
                while (end < text.Length && !char.IsWhiteSpace(text[end]))
                {
                    end++;
                }

                term = text[i..end];
                i = end;
            }

            if (term.Length > 0)
            {
                list.Add(term);
            }
        }

        return result;
    }

    public bool Matches(string message) =>
        _required.All(term => message.Contains(term, StringComparison.Ordinal))
        && !_excluded.Any(term => message.Contains(term, StringComparison.Ordinal))
        && (_optional.Count == 0 || _optional.Any(term => message.Contains(term, StringComparison.Ordinal)));
}
