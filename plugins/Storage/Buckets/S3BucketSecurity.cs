namespace AwsMcp.Storage.Buckets;

/// <summary>A bucket's security posture. Settings that are not configured are reported as such, not as errors.</summary>
/// <param name="Bucket">The bucket.</param>
/// <param name="Region">Its region.</param>
/// <param name="PublicAccessBlock">The bucket's own public access block.</param>
/// <param name="Policy">Whether it has a bucket policy and whether AWS judges that policy public.</param>
/// <param name="Encryption">Default encryption.</param>
/// <param name="Versioning">Versioning and MFA delete.</param>
/// <param name="Findings">Plain-language notes on what deserves attention; empty when nothing does.</param>
public sealed record S3BucketSecurity(
    string Bucket,
    string Region,
    S3PublicAccessBlockState PublicAccessBlock,
    S3BucketPolicyState Policy,
    S3EncryptionState Encryption,
    S3VersioningState Versioning,
    IReadOnlyList<string> Findings);
