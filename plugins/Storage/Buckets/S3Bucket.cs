namespace AwsMcp.Storage.Buckets;

/// <summary>A bucket: name, region and creation date, plus <see cref="Details"/> when full records were asked for.</summary>
/// <param name="Name">The bucket name.</param>
/// <param name="Region">The region the bucket lives in.</param>
/// <param name="CreationDate">When it was created (UTC).</param>
/// <param name="Details">ARN and tags (detail=true).</param>
public sealed record S3Bucket(string Name, string? Region, DateTimeOffset? CreationDate, S3BucketDetails? Details);
