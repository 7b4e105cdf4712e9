namespace AwsMcp.Billing.Shared;

/// <summary>How money is shown: cents, rounded half away from zero as invoices do; percentages to one decimal.</summary>
public static class BillingAmounts
{
    public static decimal Money(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary><paramref name="part"/> as a percentage of <paramref name="whole"/>; null when the whole is zero (no meaningful ratio).</summary>
    public static decimal? Percent(decimal part, decimal whole) =>
        whole == 0 ? null : Math.Round(part / whole * 100m, 1, MidpointRounding.AwayFromZero);
}
