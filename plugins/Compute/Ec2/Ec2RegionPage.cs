namespace AwsMcp.Compute.Ec2;

/// <summary>One page of regions.</summary>
/// <param name="Items">The regions on this page.</param>
/// <param name="NextToken">Pass as next_token for the next page; absent on the last page.</param>
/// <param name="HasMore">True when there are more regions than this page holds.</param>
public sealed record Ec2RegionPage(IReadOnlyList<Ec2Region> Items, string? NextToken, bool HasMore);
