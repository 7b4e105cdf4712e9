namespace AwsMcp.Sandbox.Services.CostExplorer;

/// <summary>One seeded line of the cost and usage data: a day's cost of one service in one region and linked account for one tag value.</summary>
/// <param name="RecordType">CE's RECORD_TYPE: <c>Usage</c>, <c>Credit</c> or <c>Refund</c>.</param>
/// <param name="Environment">The value of the <c>Environment</c> cost-allocation tag; null when untagged.</param>
public sealed record CostRecord(
    DateOnly Date,
    string Service,
    string Region,
    string Account,
    string RecordType,
    string? Environment,
    decimal UnblendedCost,
    decimal AmortizedCost,
    decimal NetUnblendedCost,
    decimal UsageQuantity)
{
    /// <summary>The record's value of a CE metric (request casing, e.g. <c>UnblendedCost</c>).</summary>
    public decimal Metric(string metric) =>
        metric switch
        {
            "UnblendedCost" or "BlendedCost" => UnblendedCost,
            "AmortizedCost" => AmortizedCost,
            "NetUnblendedCost" => NetUnblendedCost,
            "NetAmortizedCost" => AmortizedCost - (UnblendedCost - NetUnblendedCost),
            _ => UsageQuantity,
        };

    public string? Tag(string key) => key == "Environment" ? Environment : null;
}
