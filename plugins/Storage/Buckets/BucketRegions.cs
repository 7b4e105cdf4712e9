using System.Collections.Concurrent;
using Amazon.S3.Model;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Storage.Buckets;

/// <summary>
/// Finds the region a bucket lives in and retargets a call there: S3 answers requests for a bucket only from its own
/// region's endpoint, while the caller's region is just where to start. Answers are cached per account and bucket
/// (a bucket never moves; a deleted one is forgotten).
/// </summary>
internal sealed class BucketRegions(AwsClientFactory aws)
{
    private readonly ConcurrentDictionary<(string? Account, string Bucket), string> _regions = new();

    /// <summary>The call's context, with its region set to the bucket's.</summary>
    public async Task<ToolContext> ForBucketAsync(ToolContext ctx, string bucket)
    {
        var region = await RegionOfAsync(ctx, bucket);
        return Retarget(ctx, region);
    }

    /// <summary>The bucket's region, from the cache or GetBucketLocation.</summary>
    public async Task<string> RegionOfAsync(ToolContext ctx, string bucket)
    {
        if (_regions.TryGetValue((ctx.Account, bucket), out var known))
        {
            return known;
        }

        var request = new GetBucketLocationRequest { BucketName = bucket };
        var response = await AwsCall.SdkAsync(ctx, aws.Target(ctx, "s3", "GetBucketLocation"), ct => aws.S3(ctx).GetBucketLocationAsync(request, ct));
        var region = Normalize(response.Location?.Value);
        _regions[(ctx.Account, bucket)] = region;
        return region;
    }

    /// <summary>Records a region learnt elsewhere (ListBuckets, CreateBucket).</summary>
    public void Remember(ToolContext ctx, string bucket, string region) => _regions[(ctx.Account, bucket)] = region;

    public void Forget(ToolContext ctx, string bucket) => _regions.TryRemove((ctx.Account, bucket), out _);

    /// <summary>A copy of <paramref name="ctx"/> aimed at <paramref name="region"/>.</summary>
    public static ToolContext Retarget(ToolContext ctx, string region) => ctx.Region == region
        ? ctx
        : new ToolContext
        {
            ToolName = ctx.ToolName,
            Caller = ctx.Caller,
            Region = region,
            Account = ctx.Account,
            WritesEnabled = ctx.WritesEnabled,
            Logger = ctx.Logger,
            Audit = ctx.Audit,
            CancellationToken = ctx.CancellationToken,
        };

    /// <summary>GetBucketLocation answers an empty constraint for us-east-1 and the legacy <c>EU</c> for eu-west-1.</summary>
    public static string Normalize(string? location) => location switch
    {
        null or "" or "US" => "us-east-1",
        "EU" => "eu-west-1",
        _ => location,
    };
}
