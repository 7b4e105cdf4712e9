using System.Globalization;
using System.Text.RegularExpressions;

namespace AwsMcp.Sandbox.Services.Logs;

/// <summary>
/// The one aggregation the sandbox runs: <c>stats count(*) [as NAME] [by bin(N s|m|h|d) | by FIELD]</c>. Rows hold the
/// group column (named <c>bin(1h)</c> or the field) then the count column (<c>count(*)</c> or the alias), without @ptr.
/// </summary>
public sealed partial class InsightsStats
{
    private readonly TimeSpan? _bin;
    private readonly string? _byField;

    private InsightsStats(string countName, string? groupName, TimeSpan? bin, string? byField)
    {
        CountName = countName;
        GroupName = groupName;
        _bin = bin;
        _byField = byField;
    }

    public string CountName { get; }

    /// <summary>The group column's name, or null for a single overall count.</summary>
    public string? GroupName { get; }

    public static InsightsStats Parse(string expression, Func<string, Exception> malformed)
    {
        var match = StatsPattern().Match(expression);
        if (!match.Success)
        {
            throw malformed($"Unsupported stats '{expression}'. Supported: stats count(*) [as NAME] [by bin(N s|m|h|d) | by FIELD].");
        }

        var countName = match.Groups["alias"].Success ? match.Groups["alias"].Value : "count(*)";
        if (match.Groups["size"].Success)
        {
            var size = int.Parse(match.Groups["size"].Value, CultureInfo.InvariantCulture);
            var bin = match.Groups["unit"].Value switch
            {
                "s" => TimeSpan.FromSeconds(size),
                "m" => TimeSpan.FromMinutes(size),
                "h" => TimeSpan.FromHours(size),
                _ => TimeSpan.FromDays(size),
            };
            return bin > TimeSpan.Zero ? new InsightsStats(countName, $"bin({size}{match.Groups["unit"].Value})", bin, null) : throw malformed("bin() needs a positive size.");
        }

        return match.Groups["field"].Success
            ? new InsightsStats(countName, match.Groups["field"].Value, null, match.Groups["field"].Value)
            : new InsightsStats(countName, null, null, null);
    }

    /// <summary>Counts per group; the group column is omitted for an overall count.</summary>
    public IEnumerable<List<KeyValuePair<string, string>>> Run(IEnumerable<InsightsRecord> records) =>
        records.GroupBy(GroupKey, StringComparer.Ordinal)
            .Select(group => GroupName is null
                ? new List<KeyValuePair<string, string>> { KeyValuePair.Create(CountName, Count(group)) }
                : [KeyValuePair.Create(GroupName, group.Key), KeyValuePair.Create(CountName, Count(group))]);

    private string GroupKey(InsightsRecord record)
    {
        if (_bin is { } bin)
        {
            var ticks = record.Event.Timestamp * TimeSpan.TicksPerMillisecond;
            var start = new DateTime(DateTime.UnixEpoch.Ticks + (ticks - (ticks % bin.Ticks)), DateTimeKind.Utc);
            return start.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
        }

        return _byField is null ? string.Empty : record.Field(_byField) ?? string.Empty;
    }

    private static string Count(IEnumerable<InsightsRecord> group) => group.Count().ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("""^count\(\*\)(?:\s+as\s+(?<alias>\w+))?(?:\s+by\s+(?:bin\(\s*(?<size>\d+)\s*(?<unit>[smhd])\s*\)|(?<field>@?[\w.]+)))?$""")]
    private static partial Regex StatsPattern();
}
