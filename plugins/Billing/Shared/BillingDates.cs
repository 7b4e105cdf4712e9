using System.Globalization;
using AwsMcp.Abstractions;

namespace AwsMcp.Billing.Shared;

/// <summary>
/// Dates as billing tools take and show them: <c>YYYY-MM-DD</c> calendar days in UTC, the day boundary Cost Explorer
/// and Budgets use.
/// </summary>
public static class BillingDates
{
    public const string Format = "yyyy-MM-dd";

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    public static string ToText(DateOnly day) => day.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Reads an optional date argument; null when absent, a <see cref="ToolArgumentException"/> naming <paramref name="field"/> when malformed.</summary>
    public static DateOnly? Parse(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateOnly.TryParseExact(value.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new ToolArgumentException(field, $"'{value}' is not a date in the form YYYY-MM-DD.");
    }
}
