namespace AwsMcp.Storage.Buckets;

/// <summary>Whether a bucket has a policy, and whether AWS's policy status calls it public.</summary>
/// <param name="Exists">False when the bucket has no bucket policy.</param>
/// <param name="IsPublic">True when AWS evaluates the policy as granting public access.</param>
public sealed record S3BucketPolicyState(bool Exists, bool IsPublic);
