using AwsMcp.Abstractions;

namespace AwsMcp.Billing.Shared;

/// <summary>An inclusive range of days as tools take it; Cost Explorer's exclusive end is <see cref="EndExclusive"/>.</summary>
public sealed record DateRange(DateOnly Start, DateOnly End)
{
    /// <summary>The day after <see cref="End"/>: Cost Explorer's <c>End</c>, which it does not include.</summary>
    public DateOnly EndExclusive => End.AddDays(1);

    public int Days => End.DayNumber - Start.DayNumber + 1;

    /// <summary>A calendar month, from its first to its last day.</summary>
    public static DateRange Month(DateOnly anyDay)
    {
        var first = BillingDates.FirstOfMonth(anyDay);
        return new DateRange(first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>Reads a pair of optional date arguments; a missing one takes its fallback. Errors name the argument.</summary>
    public static DateRange Parse(string? start, string startField, string? end, string endField, DateRange fallback)
    {
        var range = new DateRange(BillingDates.Parse(start, startField) ?? fallback.Start, BillingDates.Parse(end, endField) ?? fallback.End);
        return range.End >= range.Start
            ? range
            : throw new ToolArgumentException(endField, $"must not be before {startField} ({BillingDates.ToText(range.Start)}).");
    }

    /// <summary>Whether the range is exactly one calendar month.</summary>
    public bool IsWholeMonth => this == Month(Start);

    /// <summary>The range of the same length just before this one; the previous month for a whole month.</summary>
    public DateRange Preceding() =>
        IsWholeMonth ? Month(Start.AddMonths(-1)) : new DateRange(Start.AddDays(-Days), Start.AddDays(-1));
}
