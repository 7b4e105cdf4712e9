using System.ComponentModel.DataAnnotations;
using Amazon.S3;
using Amazon.S3.Model;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Collections;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Storage.Buckets;

/// <summary>S3 bucket tools: list, create, delete (empty only) and security posture.</summary>
/// <remarks>
/// Tools that act on one bucket declare the bucket's own region as their target (<see cref="LocateBucketAsync"/>),
/// so the host authorises and audits the region the requests really go to.
/// </remarks>
[Toolset("s3")]
[AwsTarget]
public sealed class BucketTools(ToolPackContext pack)
{
    private readonly AwsClientFactory _aws = AwsClientFactory.For(pack);
    private readonly BucketRegions _regions = BucketRegions.For(pack);
    private readonly BucketSecurityReader _security = new(AwsClientFactory.For(pack));

    /// <summary>The region locator of the one-bucket tools: the bucket's own region.</summary>
    public Task<string> LocateBucketAsync(ToolContext ctx, string bucketName) => _regions.RegionOfAsync(ctx, bucketName);

    /// <summary>
    /// Lists S3 buckets with their regions. Use for bucket names.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="prefix"></param>
    /// <param name="bucketRegion">Only this region.</param>
    /// <param name="detail">Add ARN and tags (slower).</param>
    /// <param name="limit"></param>
    /// <param name="nextToken"></param>
    [Tool("list_s3_buckets", Title = "List S3 buckets", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    public async Task<ToolPage<S3Bucket>> ListBucketsAsync(
        ToolContext ctx,
        [Narrows] string? prefix = null,
        [Narrows] string? bucketRegion = null,
        bool detail = false,
        [Narrows, Range(1, ToolPaging.MaxLimit)] int limit = ToolPaging.DefaultLimit,
        [Narrows, PageToken] string? nextToken = null)
    {
        var page = await PageCollector.CollectAsync(nextToken, limit, (1, 10_000), async (token, size) =>
        {
            var request = new ListBucketsRequest { MaxBuckets = size, ContinuationToken = token, Prefix = prefix, BucketRegion = bucketRegion };
            var response = await AwsCall.SdkAsync(ctx, _aws.Target(ctx, "s3", "ListBuckets"), ct => _aws.S3(ctx).ListBucketsAsync(request, ct));
            return new AwsPage<Amazon.S3.Model.S3Bucket>(response.Buckets.OrEmpty(), string.IsNullOrEmpty(response.ContinuationToken) ? null : response.ContinuationToken);
        });

        var buckets = new List<S3Bucket>(page.Items.Count);
        foreach (var bucket in page.Items)
        {
            // S3 reports each bucket's region in the listing; older S3-compatible endpoints do not, so ask then.
            var bucketRegionName = bucket.BucketRegion is { Length: > 0 } listed ? listed : await _regions.RegionOfAsync(ctx, bucket.BucketName);
            _regions.Remember(ctx, bucket.BucketName, bucketRegionName);
            // Tags are read in the bucket's own region, which policy may not allow: then the bucket is listed without them.
            var details = detail && ctx.TryRetarget(bucketRegionName, out var there)
                ? new S3BucketDetails(BucketNames.Arn(bucket.BucketName), await _security.TagsAsync(there!, bucket.BucketName))
                : null;
            buckets.Add(new S3Bucket(bucket.BucketName, bucketRegionName, UtcTimes.FromSdk(bucket.CreationDate), details));
        }

        return new ToolPage<S3Bucket>(buckets, page.NextToken);
    }

    /// <summary>Bucket names that start with the prefix.</summary>
    /// <param name="ctx">The call.</param>
    /// <param name="prefix">What the user typed so far.</param>
    [Completion("buckets")]
    public async Task<IReadOnlyList<string>> BucketNamesAsync(ToolContext ctx, string prefix)
    {
        var page = await ListBucketsAsync(ctx, string.IsNullOrEmpty(prefix) ? null : prefix, limit: ToolPaging.MaxCompletionValues);
        return [.. page.Items.Select(bucket => bucket.Name)];
    }

    /// <summary>
    /// Creates an S3 bucket in the given region with all public access blocked (unless told otherwise) and tagged with
    /// who created it. Use when asked to create a bucket. Bucket names are global: a name taken by anyone fails.
    /// Repeating the same call is safe: a bucket this caller already created through this server is reported, not duplicated.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="bucketName">The new bucket's name: 3 to 63 lower-case letters, digits, dots and hyphens.</param>
    /// <param name="tags">Tags to add (CreatedBy and ManagedBy are always set by the server).</param>
    /// <param name="blockPublicAccess">Turn on all four public-access-block settings (recommended).</param>
    [Tool("create_s3_bucket", Title = "Create an S3 bucket", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true)]
    public async Task<S3BucketCreated> CreateBucketAsync(
        ToolContext ctx,
        [TargetResource, RegularExpression(BucketNames.NewBucketPattern)] string bucketName,
        IReadOnlyDictionary<string, string>? tags = null,
        bool blockPublicAccess = true)
    {
        var bucketTags = ManagedTags.With(tags, ctx);
        var targetRegion = _aws.Region(ctx);
        var created = await CreateOrAdoptAsync(ctx, bucketName, targetRegion);
        var here = ctx.Retarget(targetRegion);
        _regions.Remember(ctx, bucketName, targetRegion);
        ctx.Audit.Resource(BucketNames.Arn(bucketName));

        var tagging = new PutBucketTaggingRequest { BucketName = bucketName, TagSet = [.. bucketTags.Select(tag => new Tag { Key = tag.Key, Value = tag.Value })] };
        await AwsCall.SdkAsync(here, _aws.Target(here, "s3", "PutBucketTagging"), ct => _aws.S3(here).PutBucketTaggingAsync(tagging, ct));
        if (blockPublicAccess)
        {
            var block = new PutPublicAccessBlockRequest
            {
                BucketName = bucketName,
                PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration { BlockPublicAcls = true, IgnorePublicAcls = true, BlockPublicPolicy = true, RestrictPublicBuckets = true },
            };
            await AwsCall.SdkAsync(here, _aws.Target(here, "s3", "PutPublicAccessBlock"), ct => _aws.S3(here).PutPublicAccessBlockAsync(block, ct));
        }

        var message = (created ? $"Created bucket {bucketName} in {targetRegion}" : $"Bucket {bucketName} already existed in {targetRegion}, created earlier by you through this server; its settings were applied again")
            + (blockPublicAccess ? ", with all public access blocked." : ". Public access is NOT blocked at bucket level.");
        return new S3BucketCreated(bucketName, targetRegion, created, blockPublicAccess, bucketTags, message);
    }

    /// <summary>
    /// Deletes an empty S3 bucket. Use only when asked to remove a bucket; it refuses buckets that still hold objects
    /// (empty them first). Deleting a bucket cannot be undone and frees its name for anyone.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="bucketName">The bucket to delete.</param>
    [AwsTarget(RegionLocator = nameof(LocateBucketAsync))]
    [Tool("delete_s3_bucket", Title = "Delete an empty S3 bucket", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    public async Task<S3BucketDeleted> DeleteBucketAsync(
        ToolContext ctx,
        [TargetResource, RegularExpression(BucketNames.ExistingBucketPattern)] string bucketName)
    {
        ctx.Audit.Resource(BucketNames.Arn(bucketName));
        try
        {
            var request = new DeleteBucketRequest { BucketName = bucketName };
            await AwsCall.SdkAsync(ctx, _aws.Target(ctx, "s3", "DeleteBucket"), ct => _aws.S3(ctx).DeleteBucketAsync(request, ct));
        }
        catch (ToolException error) when (error.AwsErrorCode() == "BucketNotEmpty")
        {
            throw new ToolException(
                $"Bucket {bucketName} is not empty, so it was not deleted: this tool deletes empty buckets only. Delete its objects (and, if versioned, all object versions) first, then call it again.",
                error);
        }

        _regions.Forget(ctx, bucketName);
        return new S3BucketDeleted(bucketName, ctx.Region!, $"Deleted empty bucket {bucketName} in {ctx.Region}.");
    }

    /// <summary>
    /// Reports a bucket's public access, encryption and versioning. Use to check a bucket is protected.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="bucketName"></param>
    [AwsTarget(RegionLocator = nameof(LocateBucketAsync))]
    [Tool("get_s3_bucket_security", Title = "Get S3 bucket security", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    public async Task<S3BucketSecurity> GetBucketSecurityAsync(
        ToolContext ctx,
        [TargetResource, RegularExpression(BucketNames.ExistingBucketPattern)] string bucketName)
    {
        ctx.Audit.Resource(BucketNames.Arn(bucketName));
        return await _security.ReadAsync(ctx, bucketName);
    }

    /// <summary>Creates the bucket; true when created now, false when it is this caller's earlier creation through this server.</summary>
    private async Task<bool> CreateOrAdoptAsync(ToolContext ctx, string bucketName, string targetRegion)
    {
        // Probe first: in us-east-1 S3 answers "OK" to re-creating a bucket the account owns, which would let this
        // tool re-tag someone else's bucket.
        string existingRegion;
        try
        {
            existingRegion = await _regions.RegionOfAsync(ctx, bucketName);
        }
        catch (ToolException error) when (error.AwsErrorCode() == "NoSuchBucket")
        {
            var here = ctx.Retarget(targetRegion);
            var request = new PutBucketRequest
            {
                BucketName = bucketName,
                // No LocationConstraint in us-east-1 (S3 rejects one there); every other region needs its own.
                UseClientRegion = false,
                BucketRegionName = targetRegion == "us-east-1" ? null : targetRegion,
                ObjectOwnership = ObjectOwnership.BucketOwnerEnforced,
            };
            await AwsCall.SdkAsync(here, _aws.Target(here, "s3", "CreateBucket"), ct => _aws.S3(here).PutBucketAsync(request, ct));
            return true;
        }
        catch (ToolException error) when (error.AwsErrorCode() == "AccessDenied")
        {
            throw new ToolException($"Bucket name {bucketName} is taken (bucket names are global across all AWS accounts) or not visible to this account. Choose another name.", error);
        }

        var tags = await _security.TagsAsync(ctx.Retarget(existingRegion), bucketName);
        var ours = existingRegion == targetRegion
            && tags.GetValueOrDefault(ManagedTags.CreatedBy) == ctx.Caller.Id
            && tags.GetValueOrDefault(ManagedTags.ManagedBy) == ManagedTags.ManagedByValue;
        return ours
            ? false
            : throw new ToolException($"Bucket {bucketName} already exists in this account (in {existingRegion}) and was not created by you through this server; nothing was changed.");
    }
}
