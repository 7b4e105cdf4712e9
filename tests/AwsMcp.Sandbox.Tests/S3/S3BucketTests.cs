using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Tests.Support;

namespace AwsMcp.Sandbox.Tests.S3;

public sealed class S3BucketTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly AmazonS3Client _s3 = SandboxClients.S3(fixture.Server);

    [Fact]
    public async Task ListBuckets_lists_the_accounts_buckets_with_their_regions()
    {
        var buckets = (await _s3.ListBucketsAsync(new ListBucketsRequest())).Buckets;
        var regions = buckets.ToDictionary(b => b.BucketName, b => b.BucketRegion);
        Assert.Equal("us-east-1", regions["acme-data-lake"]);
        Assert.Equal("eu-west-1", regions["acme-audit-logs-eu"]);
        Assert.Equal("ap-southeast-2", regions["acme-media-syd"]);
        Assert.DoesNotContain("partner-shared-exchange", regions.Keys);
        Assert.Equal(buckets.Select(b => b.BucketName).Order(StringComparer.Ordinal), buckets.Select(b => b.BucketName));
    }

    [Fact]
    public async Task ListBuckets_pages_with_max_buckets_and_filters_by_region()
    {
        var names = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await _s3.ListBucketsAsync(new ListBucketsRequest { MaxBuckets = 2, ContinuationToken = token, Prefix = "acme-" });
            names.AddRange(page.Buckets.Select(b => b.BucketName));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(6, names.Count);
        Assert.Equal(3, pages);
        var sydney = (await _s3.ListBucketsAsync(new ListBucketsRequest { BucketRegion = "ap-southeast-2" })).Buckets;
        Assert.Equal(["acme-legacy-backups-syd", "acme-media-syd"], sydney.Select(b => b.BucketName));
    }

    [Fact]
    public async Task CreateBucket_follows_the_LocationConstraint_rules()
    {
        await _s3.PutBucketAsync(new PutBucketRequest { BucketName = "created-in-us-east-1" });
        Assert.Equal(S3Region.USEast1, (await _s3.GetBucketLocationAsync("created-in-us-east-1")).Location);

        using var ireland = SandboxClients.S3(fixture.Server, "eu-west-1");
        await ireland.PutBucketAsync(new PutBucketRequest { BucketName = "created-in-ireland", BucketRegionName = "eu-west-1" });
        Assert.Equal("eu-west-1", (await _s3.GetBucketLocationAsync("created-in-ireland")).Location.Value);

        await AwsAssert.FailsWith<AmazonS3Exception>(
            () => _s3.PutBucketAsync(new PutBucketRequest { BucketName = "mismatched-constraint", BucketRegionName = "eu-west-1" }),
            "IllegalLocationConstraintException",
            HttpStatusCode.BadRequest);
        await AwsAssert.FailsWith<AmazonS3Exception>(
            () => ireland.PutBucketAsync(new PutBucketRequest { BucketName = "missing-constraint", UseClientRegion = false }),
            "IllegalLocationConstraintException",
            HttpStatusCode.BadRequest);
        await AwsAssert.FailsWith<AmazonS3Exception>(
            () => _s3.PutBucketAsync(new PutBucketRequest { BucketName = "Not_Valid" }),
            "InvalidBucketName",
            HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task CreateBucket_with_an_explicit_us_east_1_constraint_is_refused()
    {
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri(fixture.Server.Endpoint, "explicit-us-east-1"))
        {
            Content = new StringContent(
                "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>us-east-1</LocationConstraint></CreateBucketConfiguration>"),
        };
        var response = await RawSigned.SendAsync(fixture.Server, request, "s3", "us-east-1");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<Code>InvalidLocationConstraint</Code>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Existing_names_answer_owned_by_you_or_already_exists()
    {
        await AwsAssert.FailsWith<BucketAlreadyOwnedByYouException>(
            () => _s3.PutBucketAsync(new PutBucketRequest { BucketName = "acme-data-lake" }), "BucketAlreadyOwnedByYou", HttpStatusCode.Conflict);
        await AwsAssert.FailsWith<BucketAlreadyExistsException>(
            () => _s3.PutBucketAsync(new PutBucketRequest { BucketName = "partner-shared-exchange" }), "BucketAlreadyExists", HttpStatusCode.Conflict);
        await AwsAssert.FailsWith<AmazonS3Exception>(
            () => _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "partner-shared-exchange" }), "AccessDenied", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task DeleteBucket_refuses_a_bucket_with_objects_and_then_deletes_it()
    {
        await _s3.PutBucketAsync(new PutBucketRequest { BucketName = "to-be-deleted" });
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = "to-be-deleted", Key = "a.txt", ContentBody = "a" });
        await AwsAssert.FailsWith<AmazonS3Exception>(() => _s3.DeleteBucketAsync("to-be-deleted"), "BucketNotEmpty", HttpStatusCode.Conflict);

        await _s3.DeleteObjectAsync("to-be-deleted", "a.txt");
        await _s3.DeleteBucketAsync("to-be-deleted");
        await AwsAssert.FailsWith<AmazonS3Exception>(() => _s3.DeleteBucketAsync("to-be-deleted"), "NoSuchBucket", HttpStatusCode.NotFound);
        Assert.DoesNotContain((await _s3.ListBucketsAsync(new ListBucketsRequest())).Buckets, b => b.BucketName == "to-be-deleted");
    }

    [Fact]
    public async Task HeadBucket_reports_the_region_or_not_found()
    {
        var head = await _s3.HeadBucketAsync(new HeadBucketRequest { BucketName = "acme-audit-logs-eu" });
        Assert.Equal("eu-west-1", head.BucketRegion);
        var missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => _s3.HeadBucketAsync(new HeadBucketRequest { BucketName = "no-such-bucket-here" }));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Public_access_block_can_be_read_put_and_deleted()
    {
        var block = (await _s3.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = "acme-prod-web-assets" })).PublicAccessBlockConfiguration;
        Assert.Equal([true, true, true, true], new[] { block.BlockPublicAcls, block.IgnorePublicAcls, block.BlockPublicPolicy, block.RestrictPublicBuckets });

        await AwsAssert.FailsWith<AmazonS3Exception>(
            () => _s3.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = "acme-media-syd" }),
            "NoSuchPublicAccessBlockConfiguration",
            HttpStatusCode.NotFound);
        await _s3.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest
        {
            BucketName = "acme-media-syd",
            PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration { BlockPublicAcls = true, BlockPublicPolicy = false },
        });
        var written = (await _s3.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = "acme-media-syd" })).PublicAccessBlockConfiguration;
        Assert.Equal((true, false), (written.BlockPublicAcls == true, written.BlockPublicPolicy == true));
        await _s3.DeletePublicAccessBlockAsync(new DeletePublicAccessBlockRequest { BucketName = "acme-media-syd" });
        await AwsAssert.FailsWith<AmazonS3Exception>(
            () => _s3.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = "acme-media-syd" }),
            "NoSuchPublicAccessBlockConfiguration",
            HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Policy_status_tells_public_from_private_policies()
    {
        Assert.True((await _s3.GetBucketPolicyStatusAsync(new GetBucketPolicyStatusRequest { BucketName = "acme-public-downloads" })).PolicyStatus.IsPublic);
        Assert.False((await _s3.GetBucketPolicyStatusAsync(new GetBucketPolicyStatusRequest { BucketName = "acme-audit-logs-eu" })).PolicyStatus.IsPublic);
        await AwsAssert.FailsWith<AmazonS3Exception>(
            () => _s3.GetBucketPolicyStatusAsync(new GetBucketPolicyStatusRequest { BucketName = "acme-data-lake" }), "NoSuchBucketPolicy", HttpStatusCode.NotFound);
        Assert.Contains("\"Principal\":\"*\"", (await _s3.GetBucketPolicyAsync("acme-public-downloads")).Policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_public_policy_is_refused_while_public_policies_are_blocked()
    {
        const string PublicPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-prod-web-assets/*"}]}""";
        await AwsAssert.FailsWith<AmazonS3Exception>(
            () => _s3.PutBucketPolicyAsync("acme-prod-web-assets", PublicPolicy), "AccessDenied", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Encryption_defaults_to_AES256_except_on_the_legacy_bucket()
    {
        var lake = (await _s3.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { BucketName = "acme-data-lake" })).ServerSideEncryptionConfiguration;
        Assert.Equal(ServerSideEncryptionMethod.AES256, lake.ServerSideEncryptionRules.Single().ServerSideEncryptionByDefault.ServerSideEncryptionAlgorithm);
        var audit = (await _s3.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { BucketName = "acme-audit-logs-eu" })).ServerSideEncryptionConfiguration;
        Assert.Equal(ServerSideEncryptionMethod.AWSKMS, audit.ServerSideEncryptionRules.Single().ServerSideEncryptionByDefault.ServerSideEncryptionAlgorithm);
        // The SDK answers this 404 with an empty response rather than an exception; the wire error is in the request log.
        var legacy = await _s3.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { BucketName = "acme-legacy-backups-syd" });
        Assert.Equal(HttpStatusCode.NotFound, legacy.HttpStatusCode);
        Assert.Equal("ServerSideEncryptionConfigurationNotFoundError", fixture.Server.RequestLog.Last(e => e.Operation == "GetBucketEncryption").ErrorCode);
    }

    [Fact]
    public async Task Versioning_is_enabled_on_the_audit_bucket_and_unset_elsewhere()
    {
        Assert.Equal(VersionStatus.Enabled, (await _s3.GetBucketVersioningAsync("acme-audit-logs-eu")).VersioningConfig.Status);
        Assert.Equal(VersionStatus.Off, (await _s3.GetBucketVersioningAsync("acme-data-lake")).VersioningConfig.Status);
    }

    [Fact]
    public async Task Tagging_round_trips_and_a_bucket_without_tags_says_so()
    {
        var tags = (await _s3.GetBucketTaggingAsync(new GetBucketTaggingRequest { BucketName = "acme-audit-logs-eu" })).TagSet;
        Assert.Contains(tags, t => t.Key == "DataClassification" && t.Value == "confidential");

        await AwsAssert.FailsWith<AmazonS3Exception>(
            () => _s3.GetBucketTaggingAsync(new GetBucketTaggingRequest { BucketName = "acme-legacy-backups-syd" }), "NoSuchTagSet", HttpStatusCode.NotFound);
        await _s3.PutBucketTaggingAsync(new PutBucketTaggingRequest { BucketName = "acme-legacy-backups-syd", TagSet = [new Tag { Key = "Owner", Value = "ops" }] });
        var written = (await _s3.GetBucketTaggingAsync(new GetBucketTaggingRequest { BucketName = "acme-legacy-backups-syd" })).TagSet.Single();
        Assert.Equal(("Owner", "ops"), (written.Key, written.Value));
    }

    [Fact]
    public async Task Unknown_buckets_answer_NoSuchBucket() =>
        await AwsAssert.FailsWith<AmazonS3Exception>(
            () => _s3.GetBucketLocationAsync("no-such-bucket-here"), "NoSuchBucket", HttpStatusCode.NotFound);

    [Fact]
    public async Task A_read_only_role_may_read_but_not_create()
    {
        var readOnly = SandboxClients.Temporary(
            fixture.Server,
            SandboxIdentities.DefaultAccount,
            $"arn:aws:sts::{SandboxIdentities.DefaultAccount}:assumed-role/AwsMcpReadOnly/test",
            TimeSpan.FromHours(1));
        using var s3 = SandboxClients.S3(fixture.Server, credentials: readOnly);
        Assert.NotEmpty((await s3.ListBucketsAsync(new ListBucketsRequest())).Buckets);
        await AwsAssert.FailsWith<AmazonS3Exception>(
            () => s3.PutBucketAsync(new PutBucketRequest { BucketName = "read-only-create" }), "AccessDenied", HttpStatusCode.Forbidden);
    }
}
