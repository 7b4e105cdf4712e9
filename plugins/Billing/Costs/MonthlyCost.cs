namespace AwsMcp.Billing.Costs;

/// <summary>One calendar month's cost.</summary>
/// <param name="Month">YYYY-MM.</param>
/// <param name="Amount">The month's cost.</param>
/// <param name="Estimated">The month is not closed (the current month, or AWS has not finalised it): the figure will still change.</param>
public sealed record MonthlyCost(string Month, decimal Amount, bool Estimated);
