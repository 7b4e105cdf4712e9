namespace AwsMcp.Billing.Costs;

/// <summary>How a cost breakdown is split over time.</summary>
public enum CostGranularity
{
    /// <summary>One figure for the whole range.</summary>
    Total,

    /// <summary>One figure per calendar month.</summary>
    Monthly,

    /// <summary>One figure per day.</summary>
    Daily,
}
