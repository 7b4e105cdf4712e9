namespace AwsMcp.Storage.Buckets;

/// <summary>The bucket-level public access block (account-level settings may add to it).</summary>
/// <param name="Configured">False when the bucket has no public access block configuration.</param>
/// <param name="BlockPublicAcls">Rejects requests that add public ACLs.</param>
/// <param name="IgnorePublicAcls">Ignores public ACLs that exist.</param>
/// <param name="BlockPublicPolicy">Rejects public bucket policies.</param>
/// <param name="RestrictPublicBuckets">Limits access under a public policy to AWS services and the owner.</param>
public sealed record S3PublicAccessBlockState(bool Configured, bool BlockPublicAcls, bool IgnorePublicAcls, bool BlockPublicPolicy, bool RestrictPublicBuckets)
{
    public bool AllBlocked => BlockPublicAcls && IgnorePublicAcls && BlockPublicPolicy && RestrictPublicBuckets;
}
