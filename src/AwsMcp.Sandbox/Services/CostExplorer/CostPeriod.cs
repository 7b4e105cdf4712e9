using System.Globalization;
using System.Text.Json.Nodes;
using AwsMcp.Sandbox.Protocols.AwsJson;

namespace AwsMcp.Sandbox.Services.CostExplorer;

/// <summary>A result period: <c>Start</c> inclusive, <c>End</c> exclusive, as CE's <c>DateInterval</c>.</summary>
public sealed record CostPeriod(DateOnly Start, DateOnly End)
{
    /// <summary>Reads and validates <c>TimePeriod</c> (yyyy-MM-dd dates, Start before End).</summary>
    public static CostPeriod Read(JsonInput input)
    {
        var period = input.Body["TimePeriod"] as JsonObject ?? throw input.Invalid("1 validation error detected: Value null at 'timePeriod' failed to satisfy constraint: Member must not be null");
        var start = Date(period, "Start", input);
        var end = Date(period, "End", input);
        if (start >= end)
        {
            throw input.Invalid("Start date (and hour) should be before end date (and hour)");
        }

        return new CostPeriod(start, end);
    }

    /// <summary>Splits the interval into DAILY or MONTHLY periods; monthly periods are cut at calendar month boundaries.</summary>
    public IReadOnlyList<CostPeriod> Split(string granularity)
    {
        var periods = new List<CostPeriod>();
        for (var start = Start; start < End;)
        {
            var next = granularity == "DAILY" ? start.AddDays(1) : new DateOnly(start.Year, start.Month, 1).AddMonths(1);
            var end = next < End ? next : End;
            periods.Add(new CostPeriod(start, end));
            start = end;
        }

        return periods;
    }

    public JsonObject ToJson() => new() { ["Start"] = Format(Start), ["End"] = Format(End) };

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Date(JsonObject period, string name, JsonInput input)
    {
        var text = (string?)period[name] ?? throw input.Invalid($"1 validation error detected: Value null at 'timePeriod.{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: Member must not be null");
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw input.Invalid($"{name} date {text} is not a valid date in the format yyyy-MM-dd.");
    }
}
