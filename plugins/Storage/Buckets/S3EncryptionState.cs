namespace AwsMcp.Storage.Buckets;

/// <summary>A bucket's default encryption.</summary>
/// <param name="Configured">False when the bucket has no default encryption configuration.</param>
/// <param name="Algorithm">AES256 (SSE-S3), aws:kms or aws:kms:dsse.</param>
/// <param name="KmsKeyId">The KMS key, for KMS encryption with a customer key.</param>
/// <param name="BucketKeyEnabled">Whether an S3 Bucket Key reduces KMS calls.</param>
public sealed record S3EncryptionState(bool Configured, string? Algorithm, string? KmsKeyId, bool? BucketKeyEnabled);
