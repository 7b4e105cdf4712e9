namespace AwsMcp.Billing.Costs;

/// <summary>Which Cost Explorer cost metric to report.</summary>
public enum CostMetric
{
    /// <summary>What was billed when it was used (the AWS console's default view).</summary>
    UnblendedCost,

    /// <summary>Upfront and recurring reservation and savings plan fees spread over the period they cover.</summary>
    AmortizedCost,

    /// <summary>Unblended cost after discounts.</summary>
    NetUnblendedCost,
}
