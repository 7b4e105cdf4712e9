using System.Globalization;

namespace AwsMcp.Plugins.Tests.Billing;

/// <summary>The dates the billing tests expect, from the same UTC clock the sandbox seeds its cost data with.</summary>
internal static class BillingCalendar
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static DateOnly FirstOfMonth(int monthsFromNow) => new DateOnly(Today.Year, Today.Month, 1).AddMonths(monthsFromNow);

    public static DateOnly LastOfMonth(int monthsFromNow) => FirstOfMonth(monthsFromNow + 1).AddDays(-1);

    public static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// What the seed's credits (−150 on every 1st) and its refund (−42.50 on the 15th two months ago) add up to in the
    /// last <paramref name="months"/> months, up to yesterday (the seed has no cost for today).
    /// </summary>
    public static decimal CreditsAndRefunds(int months)
    {
        var first = FirstOfMonth(1 - months);
        var credits = Enumerable.Range(0, months).Select(i => first.AddMonths(i)).Count(day => day < Today) * 150m;
        var refundDay = new DateOnly(Today.Year, Today.Month, 15).AddMonths(-2);
        return credits + (refundDay >= first && refundDay < Today ? 42.50m : 0m);
    }
}
