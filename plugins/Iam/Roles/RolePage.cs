namespace AwsMcp.Iam.Roles;

/// <summary>A page of IAM roles.</summary>
/// <param name="Items">The roles on this page, in IAM order (by name).</param>
/// <param name="NextToken">Pass as next_token for the next page; absent on the last page.</param>
/// <param name="HasMore">More roles follow.</param>
public sealed record RolePage(IReadOnlyList<RoleSummary> Items, string? NextToken, bool HasMore);
