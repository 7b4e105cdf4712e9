namespace AwsMcp.Plugins.Tests.Billing;

/// <summary>Money assertions: figures are rounded to cents (or percentages to one decimal) one by one, so sums differ by a few units in the last place.</summary>
internal static class BillingAssert
{
    public static void Close(decimal expected, decimal actual, decimal tolerance) =>
        Assert.InRange(actual, expected - tolerance, expected + tolerance);
}
