namespace AwsMcp.Storage.Buckets;

/// <summary>Bucket name rules used in argument validation.</summary>
internal static class BucketNames
{
    /// <summary>S3's rules for new general-purpose buckets: 3 to 63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit.</summary>
    public const string NewBucketPattern = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]";

    /// <summary>
    /// Existing buckets may be older than today's rules (upper case, underscores, up to 255 characters), so lookups
    /// accept those; but never a slash, space or other character no bucket has, which would change the request path.
    /// </summary>
    public const string ExistingBucketPattern = "[A-Za-z0-9._-]{3,255}";

    public static string Arn(string bucket) => "arn:aws:s3:::" + bucket;
}
