namespace AwsMcp.Compute.Ec2;

/// <summary>One page of instances.</summary>
/// <param name="Items">The instances on this page.</param>
/// <param name="NextToken">Pass as next_token for the next page; absent on the last page.</param>
/// <param name="HasMore">True when there are more instances than this page holds.</param>
public sealed record Ec2InstancePage(IReadOnlyList<Ec2Instance> Items, string? NextToken, bool HasMore);
