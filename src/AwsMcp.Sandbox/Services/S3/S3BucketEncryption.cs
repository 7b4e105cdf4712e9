namespace AwsMcp.Sandbox.Services.S3;

/// <summary>A bucket's default encryption: <c>AES256</c> (SSE-S3, what every new bucket gets) or <c>aws:kms</c> with a key.</summary>
internal sealed record S3BucketEncryption(string Algorithm, string? KmsKeyId, bool BucketKeyEnabled)
{
    public static S3BucketEncryption SseS3 { get; } = new("AES256", null, false);
}
