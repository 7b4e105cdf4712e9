namespace AwsMcp.Aws.Tools;

/// <summary>
/// One page as AWS answered it: its items and the AWS token of the next page (null on the last). What a
/// <see cref="PageCollector"/> fetch returns, whatever token style the service uses.
/// </summary>
public sealed record AwsPage<T>(IReadOnlyList<T> Items, string? NextToken);
