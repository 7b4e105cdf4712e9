namespace AwsMcp.Storage.Buckets;

/// <summary>One page of buckets.</summary>
/// <param name="Items">The buckets on this page.</param>
/// <param name="NextToken">Pass as next_token for the next page; absent on the last page.</param>
/// <param name="HasMore">True when there are more buckets than this page holds.</param>
public sealed record S3BucketPage(IReadOnlyList<S3Bucket> Items, string? NextToken, bool HasMore);
