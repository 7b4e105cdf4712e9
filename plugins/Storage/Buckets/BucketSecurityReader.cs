using Amazon.S3.Model;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Collections;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Storage.Buckets;

/// <summary>
/// Reads bucket configuration where "not configured" is an answer, not a failure: S3 reports a missing public access
/// block, policy, encryption or tag set as a 404 error code, which is turned into the fact it states here.
/// The context passed in must already target the bucket's region.
/// </summary>
internal sealed class BucketSecurityReader(AwsClientFactory aws)
{
    public async Task<S3BucketSecurity> ReadAsync(ToolContext ctx, string bucket)
    {
        var publicAccessBlock = PublicAccessBlockAsync(ctx, bucket);
        var policy = PolicyAsync(ctx, bucket);
        var encryption = EncryptionAsync(ctx, bucket);
        var versioning = VersioningAsync(ctx, bucket);
        await Task.WhenAll(publicAccessBlock, policy, encryption, versioning);
        return new S3BucketSecurity(
            bucket,
            ctx.Region!,
            publicAccessBlock.Result,
            policy.Result,
            encryption.Result,
            versioning.Result,
            Findings(publicAccessBlock.Result, policy.Result, encryption.Result, versioning.Result));
    }

    /// <summary>The bucket's tags; empty when it has none.</summary>
    public async Task<IReadOnlyDictionary<string, string>> TagsAsync(ToolContext ctx, string bucket)
    {
        var response = await NotConfiguredAsNull(
            "NoSuchTagSet",
            AwsCall.SdkAsync(ctx, aws.Target(ctx, "s3", "GetBucketTagging"), ct => aws.S3(ctx).GetBucketTaggingAsync(new GetBucketTaggingRequest { BucketName = bucket }, ct)));
        return response?.TagSet.OrEmpty().GroupBy(tag => tag.Key).ToDictionary(group => group.Key, group => group.Last().Value ?? string.Empty, StringComparer.Ordinal)
            ?? new Dictionary<string, string>();
    }

    private async Task<S3PublicAccessBlockState> PublicAccessBlockAsync(ToolContext ctx, string bucket)
    {
        var response = await NotConfiguredAsNull(
            "NoSuchPublicAccessBlockConfiguration",
            AwsCall.SdkAsync(ctx, aws.Target(ctx, "s3", "GetPublicAccessBlock"), ct => aws.S3(ctx).GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = bucket }, ct)));
        var block = response?.PublicAccessBlockConfiguration;
        return block is null
            ? new S3PublicAccessBlockState(false, false, false, false, false)
            : new S3PublicAccessBlockState(true, block.BlockPublicAcls == true, block.IgnorePublicAcls == true, block.BlockPublicPolicy == true, block.RestrictPublicBuckets == true);
    }

    private async Task<S3BucketPolicyState> PolicyAsync(ToolContext ctx, string bucket)
    {
        var response = await NotConfiguredAsNull(
            "NoSuchBucketPolicy",
            AwsCall.SdkAsync(ctx, aws.Target(ctx, "s3", "GetBucketPolicyStatus"), ct => aws.S3(ctx).GetBucketPolicyStatusAsync(new GetBucketPolicyStatusRequest { BucketName = bucket }, ct)));
        return new S3BucketPolicyState(response is not null, response?.PolicyStatus?.IsPublic == true);
    }

    private async Task<S3EncryptionState> EncryptionAsync(ToolContext ctx, string bucket)
    {
        var response = await NotConfiguredAsNull(
            "ServerSideEncryptionConfigurationNotFoundError",
            AwsCall.SdkAsync(ctx, aws.Target(ctx, "s3", "GetBucketEncryption"), ct => aws.S3(ctx).GetBucketEncryptionAsync(new GetBucketEncryptionRequest { BucketName = bucket }, ct)));
        var rule = response?.ServerSideEncryptionConfiguration?.ServerSideEncryptionRules.OrEmpty().FirstOrDefault();
        return rule is null
            ? new S3EncryptionState(false, null, null, null)
            : new S3EncryptionState(
                true,
                rule.ServerSideEncryptionByDefault?.ServerSideEncryptionAlgorithm?.Value,
                rule.ServerSideEncryptionByDefault?.ServerSideEncryptionKeyManagementServiceKeyId,
                rule.BucketKeyEnabled);
    }

    private async Task<S3VersioningState> VersioningAsync(ToolContext ctx, string bucket)
    {
        var response = await AwsCall.SdkAsync(ctx, aws.Target(ctx, "s3", "GetBucketVersioning"), ct => aws.S3(ctx).GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = bucket }, ct));
        var config = response.VersioningConfig;
        // A bucket that never had versioning answers no status at all (the SDK shows it as "Off").
        var status = config?.Status?.Value is { Length: > 0 } value && value != "Off" ? value : "Disabled";
        return new S3VersioningState(status, config?.EnableMfaDelete is { } mfa ? (mfa ? "Enabled" : "Disabled") : null);
    }

    private static List<string> Findings(S3PublicAccessBlockState block, S3BucketPolicyState policy, S3EncryptionState encryption, S3VersioningState versioning)
    {
        var findings = new List<string>();
        if (!block.Configured)
        {
            findings.Add("No bucket-level public access block: only account-level settings, if any, stop the bucket from being made public.");
        }
        else if (!block.AllBlocked)
        {
            findings.Add("The bucket's public access block is only partly on.");
        }

        if (policy.IsPublic)
        {
            findings.Add("The bucket policy grants public access.");
        }

        if (!encryption.Configured)
        {
            findings.Add("No default encryption is configured.");
        }

        if (versioning.Status != "Enabled")
        {
            findings.Add("Versioning is not enabled: overwritten or deleted objects cannot be recovered.");
        }

        return findings;
    }

    private static async Task<T?> NotConfiguredAsNull<T>(string notConfiguredCode, Task<T> call)
        where T : class
    {
        try
        {
            return await call;
        }
        catch (ToolException error) when (error.AwsErrorCode() == notConfiguredCode)
        {
            return null;
        }
    }
}
