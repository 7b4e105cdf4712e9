using System.Collections.Concurrent;
using Amazon.S3.Model;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Storage.Buckets;

/// <summary>
/// Finds the region a bucket lives in: S3 answers requests for a bucket only from its own region's endpoint. The
/// bucket tools declare it as their region locator, so the host authorises, plans and audits the bucket's real
/// region. One per pack; answers are cached per account and bucket (a bucket never moves; a deleted one is forgotten).
/// </summary>
internal sealed class BucketRegions(AwsClientFactory aws)
{
    private readonly ConcurrentDictionary<(string? Account, string Bucket), string> _regions = new();

    /// <summary>The pack's shared instance.</summary>
    public static BucketRegions For(ToolPackContext pack) =>
        pack.GetOrCreate(static context => new BucketRegions(AwsClientFactory.For(context)));

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

    /// <summary>GetBucketLocation answers an empty constraint for us-east-1 and the legacy <c>EU</c> for eu-west-1.</summary>
    public static string Normalize(string? location) => location switch
    {
        null or "" or "US" => "us-east-1",
        "EU" => "eu-west-1",
        _ => location,
    };
}
