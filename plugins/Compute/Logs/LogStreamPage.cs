namespace AwsMcp.Compute.Logs;

/// <summary>One page of log streams.</summary>
/// <param name="Items">The streams on this page.</param>
/// <param name="NextToken">Pass as next_token for the next page; absent on the last page.</param>
/// <param name="HasMore">True when there are more streams than this page holds.</param>
public sealed record LogStreamPage(IReadOnlyList<LogStream> Items, string? NextToken, bool HasMore);
