namespace AwsMcp.Iam.Policies;

/// <summary>A page of managed policies.</summary>
/// <param name="Items">The policies on this page, in IAM order.</param>
/// <param name="NextToken">Pass as next_token for the next page; absent on the last page.</param>
/// <param name="HasMore">More policies follow.</param>
public sealed record PolicyPage(IReadOnlyList<PolicySummary> Items, string? NextToken, bool HasMore);
