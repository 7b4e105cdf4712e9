namespace AwsMcp.ToolPacks.Shared;

/// <summary>One page as AWS answered it: its items and the AWS token of the next page (null on the last).</summary>
internal sealed record AwsPage<T>(IReadOnlyList<T> Items, string? NextToken);
