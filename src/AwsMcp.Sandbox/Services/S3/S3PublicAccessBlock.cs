namespace AwsMcp.Sandbox.Services.S3;

/// <summary>A bucket's public access block configuration.</summary>
internal sealed record S3PublicAccessBlock(bool BlockPublicAcls, bool IgnorePublicAcls, bool BlockPublicPolicy, bool RestrictPublicBuckets)
{
    public static S3PublicAccessBlock All { get; } = new(true, true, true, true);
}
