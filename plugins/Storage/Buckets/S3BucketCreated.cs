namespace AwsMcp.Storage.Buckets;

/// <summary>The outcome of create_s3_bucket.</summary>
/// <param name="Bucket">The bucket name.</param>
/// <param name="Region">The region it was created in.</param>
/// <param name="Created">False when an earlier identical call (same caller, through this server) had already created it.</param>
/// <param name="PublicAccessBlocked">True when all four public-access-block settings are on.</param>
/// <param name="Tags">The tags on the bucket.</param>
/// <param name="Message">What happened, in a sentence.</param>
public sealed record S3BucketCreated(string Bucket, string Region, bool Created, bool PublicAccessBlocked, IReadOnlyDictionary<string, string> Tags, string Message);
