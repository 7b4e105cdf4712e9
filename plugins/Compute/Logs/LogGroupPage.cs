namespace AwsMcp.Compute.Logs;

/// <summary>One page of log groups.</summary>
/// <param name="Items">The log groups on this page.</param>
/// <param name="NextToken">Pass as next_token for the next page; absent on the last page.</param>
/// <param name="HasMore">True when there are more log groups than this page holds.</param>
public sealed record LogGroupPage(IReadOnlyList<LogGroup> Items, string? NextToken, bool HasMore);
