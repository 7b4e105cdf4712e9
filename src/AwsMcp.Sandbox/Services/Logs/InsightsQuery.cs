using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AwsMcp.Sandbox.Services.Logs;

/// <summary>
/// The subset of the Logs Insights query language the sandbox runs, commands joined by <c>|</c>:
/// <c>fields f1, f2</c>; <c>filter FIELD like /regex/</c> (or <c>like "text"</c>, <c>not like …</c>,
/// <c>FIELD = "v"</c>, <c>FIELD != "v"</c>; several filters all apply); <c>stats count(*) …</c> (see
/// <see cref="InsightsStats"/>); <c>sort FIELD asc|desc</c> (after stats: by one of its columns); <c>limit N</c>.
/// System fields: @timestamp, @message, @logStream, @log, @ingestionTime, @ptr. Anything else (parse, dedup, other
/// aggregates …) is rejected with MalformedQueryException naming the supported subset. Without a sort, newest events
/// (or, after stats, the latest group) come first.
/// </summary>
public sealed partial class InsightsQuery
{
    public const string Supported = "fields, filter (like /re/, like \"text\", not like, =, !=), stats count(*) [as NAME] [by bin(N s|m|h|d) | by FIELD], sort, limit";

    private readonly List<string> _fields = [];
    private readonly List<Func<InsightsRecord, bool>> _filters = [];
    private InsightsStats? _stats;
    private string? _sortField;
    private bool _descending = true;

    private InsightsQuery()
    {
    }

    public int? Limit { get; private set; }

    public static InsightsQuery Parse(string text, Func<string, Exception> malformed)
    {
        var query = new InsightsQuery();
        foreach (var command in SplitCommands(text).Select(c => c.Trim()).Where(c => c.Length > 0))
        {
            var keyword = command.Split(' ', 2)[0];
            var rest = command[keyword.Length..].Trim();
            switch (keyword)
            {
                case "fields":
                    query._fields.AddRange(rest.Split(',').Select(field => field.Trim()).Where(field => field.Length > 0));
                    break;
                case "filter":
                    query._filters.Add(ParseFilter(rest, malformed));
                    break;
                case "stats":
                    query._stats = query._stats is null ? InsightsStats.Parse(rest, malformed) : throw malformed("Only one stats command is supported by the sandbox.");
                    break;
                case "sort":
                    var sort = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (sort.Length is < 1 or > 2 || sort.Length == 2 && sort[1] is not ("asc" or "desc"))
                    {
                        throw malformed($"Invalid sort command '{command}'; expected: sort FIELD asc|desc.");
                    }

                    query._sortField = sort[0];
                    query._descending = sort.Length == 2 && sort[1] == "desc";
                    break;
                case "limit":
                    query.Limit = int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= 10000
                        ? limit
                        : throw malformed($"Invalid limit '{rest}'; expected a number from 1 to 10000.");
                    break;
                default:
                    throw malformed($"The sandbox does not support the command '{keyword}'. Supported: {Supported}.");
            }
        }

        return query;
    }

    /// <summary>Rows as Insights returns them: each a list of (field, value); event rows end with @ptr.</summary>
    public IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> Run(IEnumerable<InsightsRecord> records, int defaultLimit, out int matched)
    {
        var hits = records.Where(record => _filters.All(filter => filter(record))).ToList();
        matched = hits.Count;
        IEnumerable<List<KeyValuePair<string, string>>> rows;
        if (_stats is not null)
        {
            var column = _sortField ?? _stats.GroupName ?? _stats.CountName;
            rows = Sort(_stats.Run(hits), row => row.FirstOrDefault(cell => cell.Key == column).Value ?? string.Empty, numeric: column == _stats.CountName);
        }
        else
        {
            var fields = _fields.Count > 0 ? _fields : InsightsRecord.DefaultFields;
            rows = Sort(hits, record => record.Field(_sortField ?? "@timestamp") ?? string.Empty, numeric: false)
                .Select(record => fields.Select(field => (Field: field, Value: record.Field(field)))
                    .Where(pair => pair.Value is not null)
                    .Select(pair => KeyValuePair.Create(pair.Field, pair.Value!))
                    .Append(KeyValuePair.Create("@ptr", record.Field("@ptr")!))
                    .ToList());
        }

        return [.. rows.Take(Limit ?? defaultLimit)];
    }

    private IOrderedEnumerable<T> Sort<T>(IEnumerable<T> items, Func<T, string> key, bool numeric)
    {
        // Counts sort as numbers; timestamps and text sort as (ordinal) strings, which orders Insights timestamps correctly.
        IComparer<string> comparer = numeric
            ? Comparer<string>.Create((a, b) => long.Parse(a, CultureInfo.InvariantCulture).CompareTo(long.Parse(b, CultureInfo.InvariantCulture)))
            : StringComparer.Ordinal;
        return _descending ? items.OrderByDescending(key, comparer) : items.OrderBy(key, comparer);
    }

    private static Func<InsightsRecord, bool> ParseFilter(string expression, Func<string, Exception> malformed)
    {
        var like = LikePattern().Match(expression);
        if (like.Success)
        {
            var field = like.Groups["field"].Value;
            var negate = like.Groups["not"].Success;
            Func<string, bool> test;
            if (like.Groups["regex"].Success)
            {
                var options = like.Groups["flags"].Value == "i" ? RegexOptions.IgnoreCase : RegexOptions.None;
                Regex regex;
                try
                {
                    regex = new Regex(like.Groups["regex"].Value, options | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException error)
                {
                    throw malformed($"Invalid regular expression in filter: {error.Message}");
                }

                test = regex.IsMatch;
            }
            else
            {
                var text = like.Groups["text"].Value;
                test = value => value.Contains(text, StringComparison.Ordinal);
            }

            return record => record.Field(field) is { } value && test(value) != negate;
        }

        var comparison = ComparisonPattern().Match(expression);
        if (comparison.Success)
        {
            var field = comparison.Groups["field"].Value;
            var expected = comparison.Groups["value"].Value;
            var equal = comparison.Groups["op"].Value == "=";
            return record => (record.Field(field) == expected) == equal;
        }

        throw malformed($"Unsupported filter '{expression}'. Supported: FIELD like /regex/, FIELD like \"text\", FIELD not like …, FIELD = \"v\", FIELD != \"v\".");
    }

    /// <summary>Splits on <c>|</c> outside regex literals and quoted strings (a regex may itself contain <c>|</c>).</summary>
    private static IEnumerable<string> SplitCommands(string text)
    {
        var current = new StringBuilder();
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '/' or '"')
            {
                quote = c;
            }
            else if (c == '|')
            {
                yield return current.ToString();
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        yield return current.ToString();
    }

    [GeneratedRegex("""^(?<field>@?[\w.]+)\s+(?<not>not\s+)?like\s+(?:/(?<regex>.*)/(?<flags>i?)|"(?<text>[^"]*)")$""")]
    private static partial Regex LikePattern();

    [GeneratedRegex("""^(?<field>@?[\w.]+)\s*(?<op>=|!=)\s*"(?<value>[^"]*)"$""")]
    private static partial Regex ComparisonPattern();
}
