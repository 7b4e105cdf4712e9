namespace TagCompliance;

/// <summary>One page of a tag-compliance check of one region.</summary>
/// <param name="Region">The region checked.</param>
/// <param name="Items">The non-compliant instances on this page.</param>
/// <param name="NextToken">Pass as next_token for the next page; absent on the last page.</param>
/// <param name="HasMore">True when more instances are left to check.</param>
public sealed record TagComplianceReport(string Region, IReadOnlyList<NonCompliantInstance> Items, string? NextToken, bool HasMore);
