namespace AwsMcp.Billing.Costs;

/// <summary>A cached Cost Explorer answer as stored in the pack cache: when it was fetched (Unix milliseconds) and what it said.</summary>
public sealed record CostCacheEntry<T>(long FetchedAt, T Value);
