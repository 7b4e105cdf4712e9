namespace AwsMcp.Storage.Buckets;

/// <summary>The rest of a bucket's listing record.</summary>
/// <param name="Arn">The bucket ARN.</param>
/// <param name="Tags">Its tags (empty when it has none).</param>
public sealed record S3BucketDetails(string Arn, IReadOnlyDictionary<string, string> Tags);
