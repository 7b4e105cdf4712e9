namespace AwsMcp.Storage.Buckets;

/// <summary>The outcome of delete_s3_bucket.</summary>
/// <param name="Bucket">The deleted bucket.</param>
/// <param name="Region">The region it was in.</param>
/// <param name="Message">What happened, in a sentence.</param>
public sealed record S3BucketDeleted(string Bucket, string Region, string Message);
