namespace AwsMcp.Iam.Users;

/// <summary>A page of IAM users.</summary>
/// <param name="Items">The users on this page, in IAM order (by name).</param>
/// <param name="NextToken">Pass as next_token for the next page; absent on the last page.</param>
/// <param name="HasMore">More users follow.</param>
public sealed record UserPage(IReadOnlyList<UserSummary> Items, string? NextToken, bool HasMore);
