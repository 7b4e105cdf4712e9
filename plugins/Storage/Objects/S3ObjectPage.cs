namespace AwsMcp.Storage.Objects;

/// <summary>One page of objects.</summary>
/// <param name="Items">The objects on this page.</param>
/// <param name="CommonPrefixes">With a delimiter: the "folders" (prefixes up to the next delimiter) on this page.</param>
/// <param name="NextToken">Pass as next_token for the next page; absent on the last page.</param>
public sealed record S3ObjectPage(IReadOnlyList<S3ObjectSummary> Items, IReadOnlyList<string> CommonPrefixes, string? NextToken)
{
    /// <summary>True when there are more objects or prefixes than this page holds.</summary>
    public bool HasMore => NextToken is not null;
}
