namespace Company.ToolPack;

/// <summary>One page of instances, as every AwsMcp list tool returns them.</summary>
/// <param name="Items">The instances on this page.</param>
/// <param name="NextToken">Pass as next_token for the next page; absent on the last page.</param>
/// <param name="HasMore">True when there are more instances than this page holds.</param>
public sealed record InstancePage(IReadOnlyList<InstanceSummary> Items, string? NextToken, bool HasMore);
