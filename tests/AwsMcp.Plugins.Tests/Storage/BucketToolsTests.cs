using AwsMcp.Plugins.Tests.Infrastructure;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Plugins.Tests.Storage;

/// <summary>
/// list_s3_buckets, create_s3_bucket, delete_s3_bucket and get_s3_bucket_security. The seeded account owns six acme-*
/// buckets in three regions; created buckets are named awsmcp-test-* so the seeded counts hold.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class BucketToolsTests(SandboxHostFixture fixture)
{
    [Fact]
    public async Task ListS3BucketsPagesThroughEverySeededBucketWithItsRegion()
    {
        await using var client = await fixture.ConnectAsync();

        var (items, pages) = await client.CallAllPagesAsync("list_s3_buckets", new Dictionary<string, object?> { ["prefix"] = "acme-", ["limit"] = 4 });

        Assert.Equal(2, pages);
        var regions = items.ToDictionary(item => item.GetProperty("name").GetString()!, item => item.GetProperty("region").GetString());
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["acme-audit-logs-eu"] = "eu-west-1",
                ["acme-data-lake"] = "us-east-1",
                ["acme-legacy-backups-syd"] = "ap-southeast-2",
                ["acme-media-syd"] = "ap-southeast-2",
                ["acme-prod-web-assets"] = "us-east-1",
                ["acme-public-downloads"] = "us-east-1",
            },
            regions);
        Assert.DoesNotContain("partner-shared-exchange", regions.Keys);
    }

    [Fact]
    public async Task ListS3BucketsFiltersByRegionAndShowsTagsOnRequest()
    {
        await using var client = await fixture.ConnectAsync();

        var sydney = await client.CallJsonAsync("list_s3_buckets", new { bucket_region = "ap-southeast-2", prefix = "acme-" });
        var detailed = await client.CallJsonAsync("list_s3_buckets", new { prefix = "acme-audit", detail = true });

        Assert.Equal(["acme-legacy-backups-syd", "acme-media-syd"], sydney.GetProperty("items").EnumerateArray().Strings("name"));
        var audit = Assert.Single(detailed.GetProperty("items").EnumerateArray()).GetProperty("details");
        Assert.Equal("arn:aws:s3:::acme-audit-logs-eu", audit.GetProperty("arn").GetString());
        Assert.Equal("confidential", audit.GetProperty("tags").GetProperty("DataClassification").GetString());
    }

    [Fact]
    public async Task GetS3BucketSecurityReportsEachSettingAsAFact()
    {
        await using var client = await fixture.ConnectAsync();

        var audit = await client.CallJsonAsync("get_s3_bucket_security", new { bucket_name = "acme-audit-logs-eu" });
        var downloads = await client.CallJsonAsync("get_s3_bucket_security", new { bucket_name = "acme-public-downloads" });
        var legacy = await client.CallJsonAsync("get_s3_bucket_security", new { bucket_name = "acme-legacy-backups-syd" });

        // The tool takes no region: it acts in the bucket's own, whatever the server's default is.
        Assert.Equal("eu-west-1", audit.GetProperty("region").GetString());
        Assert.True(audit.GetProperty("public_access_block").GetProperty("block_public_policy").GetBoolean());
        Assert.True(audit.GetProperty("policy").GetProperty("exists").GetBoolean());
        Assert.False(audit.GetProperty("policy").GetProperty("is_public").GetBoolean());
        Assert.Equal("aws:kms", audit.GetProperty("encryption").GetProperty("algorithm").GetString());
        Assert.Equal("Enabled", audit.GetProperty("versioning").GetProperty("status").GetString());
        Assert.Empty(audit.GetProperty("findings").EnumerateArray());

        Assert.True(downloads.GetProperty("policy").GetProperty("is_public").GetBoolean());
        Assert.False(downloads.GetProperty("public_access_block").GetProperty("configured").GetBoolean());
        Assert.Contains(downloads.GetProperty("findings").EnumerateArray(), finding => finding.GetString()!.Contains("public access", StringComparison.Ordinal));

        Assert.Equal("ap-southeast-2", legacy.GetProperty("region").GetString());
        Assert.False(legacy.GetProperty("encryption").GetProperty("configured").GetBoolean());
        Assert.False(legacy.GetProperty("policy").GetProperty("exists").GetBoolean());
        Assert.Equal("Disabled", legacy.GetProperty("versioning").GetProperty("status").GetString());
        Assert.Equal(3, legacy.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public async Task BucketToolsExplainMissingAndForeignBuckets()
    {
        await using var client = await fixture.ConnectAsync();

        var missing = await client.CallErrorAsync("get_s3_bucket_security", new { bucket_name = "no-such-bucket-anywhere" });
        var foreign = await client.CallErrorAsync("get_s3_bucket_security", new { bucket_name = "partner-shared-exchange" });
        string throttled;
        using (SandboxFaultScope.Start(fixture.Sandbox, "s3", "ListBuckets", SandboxFault.Throttling("s3")))
        {
            throttled = await client.CallErrorAsync("list_s3_buckets");
        }

        Assert.Contains("NoSuchBucket", missing, StringComparison.Ordinal);
        Assert.Contains("Access denied", foreign, StringComparison.Ordinal);
        Assert.Contains("throttling", throttled, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task MutatingBucketToolsAreRefusedByTheReadOnlyHost()
    {
        await using var client = await fixture.ConnectAsync();

        var tools = (await client.ListToolsAsync()).Select(tool => tool.Name).ToList();
        var create = await client.CallErrorAsync("create_s3_bucket", new { bucket_name = "awsmcp-test-refused" });

        Assert.DoesNotContain("create_s3_bucket", tools);
        Assert.DoesNotContain("delete_s3_bucket", tools);
        Assert.Contains("read-only", create, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("us-east-1")]
    [InlineData("eu-west-1")]
    [InlineData("ap-southeast-2")]
    public async Task CreateS3BucketCreatesABlockedTaggedBucketInAnyRegionAndDeleteRemovesIt(string region)
    {
        await using var client = await fixture.ConnectAsync(writes: true);
        var name = $"awsmcp-test-{region}-{Guid.NewGuid():N}"[..40];

        var created = await client.CallJsonAsync("create_s3_bucket", new { bucket_name = name, region, tags = new Dictionary<string, string> { ["Team"] = "ops" } });
        var again = await client.CallJsonAsync("create_s3_bucket", new { bucket_name = name, region, tags = new Dictionary<string, string> { ["Team"] = "ops" } });
        var security = await client.CallJsonAsync("get_s3_bucket_security", new { bucket_name = name });
        var listed = await client.CallJsonAsync("list_s3_buckets", new { prefix = name, detail = true });

        Assert.True(created.GetProperty("created").GetBoolean());
        Assert.Equal(region, created.GetProperty("region").GetString());
        Assert.False(again.GetProperty("created").GetBoolean());
        Assert.True(security.GetProperty("public_access_block").GetProperty("configured").GetBoolean());
        Assert.True(security.GetProperty("public_access_block").GetProperty("restrict_public_buckets").GetBoolean());
        var bucket = Assert.Single(listed.GetProperty("items").EnumerateArray());
        Assert.Equal(region, bucket.GetProperty("region").GetString());
        var tags = bucket.GetProperty("details").GetProperty("tags");
        Assert.Equal("awsmcp", tags.GetProperty("ManagedBy").GetString());
        Assert.Equal("ops", tags.GetProperty("Team").GetString());
        Assert.False(string.IsNullOrEmpty(tags.GetProperty("CreatedBy").GetString()));

        var deleted = ToolCallExtensions.JsonOf(await client.CallConfirmedAsync("delete_s3_bucket", new Dictionary<string, object?> { ["bucket_name"] = name }));
        Assert.Equal(region, deleted.GetProperty("region").GetString());
        Assert.Empty((await client.CallJsonAsync("list_s3_buckets", new { prefix = name })).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task CreateS3BucketRefusesNamesThatAreTakenOrInvalid()
    {
        await using var client = await fixture.ConnectAsync(writes: true);

        var ours = await client.CallErrorAsync("create_s3_bucket", new { bucket_name = "acme-data-lake" });
        var theirs = await client.CallErrorAsync("create_s3_bucket", new { bucket_name = "partner-shared-exchange" });
        var invalid = await client.CallErrorAsync("create_s3_bucket", new { bucket_name = "Bad_Name" });

        Assert.Contains("already exists", ours, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", ours, StringComparison.Ordinal);
        Assert.Contains("taken", theirs, StringComparison.Ordinal);
        Assert.Contains("bucket_name", invalid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteS3BucketRefusesABucketThatIsNotEmpty()
    {
        await using var client = await fixture.ConnectAsync(writes: true);

        var result = await client.CallConfirmedAsync("delete_s3_bucket", new Dictionary<string, object?> { ["bucket_name"] = "acme-media-syd" });

        Assert.True(result.IsError);
        Assert.Contains("not empty", ToolCallExtensions.TextOf(result), StringComparison.Ordinal);
        Assert.Single((await client.CallJsonAsync("list_s3_buckets", new { prefix = "acme-media-syd" })).GetProperty("items").EnumerateArray());
    }
}
