using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Amazon.S3;
using Amazon.S3.Model;
using AwsMcp.Sandbox.Core.Authentication;
using AwsMcp.Sandbox.Tests.Support;

namespace AwsMcp.Sandbox.Tests.S3;

public sealed class S3ObjectTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private const string DataLake = "acme-data-lake";

    /// <summary>Uploads go to their own bucket so that the data lake's listing stays the seeded 30 keys.</summary>
    private const string Uploads = "sandbox-test-uploads";

    private readonly AmazonS3Client _s3 = SandboxClients.S3(fixture.Server);

    [Fact]
    public async Task ListObjectsV2_pages_to_the_last_page_with_key_count_and_truncation()
    {
        var keys = new List<string>();
        var pages = new List<(int KeyCount, bool Truncated)>();
        string? token = null;
        do
        {
            var page = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = DataLake, MaxKeys = 7, ContinuationToken = token });
            keys.AddRange(page.S3Objects.Select(o => o.Key));
            pages.Add((page.KeyCount ?? 0, page.IsTruncated == true));
            token = page.NextContinuationToken;
        }
        while (token is not null);

        Assert.Equal(30, keys.Count);
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.Equal([(7, true), (7, true), (7, true), (7, true), (2, false)], pages);
    }

    [Fact]
    public async Task The_SDK_paginator_lists_every_key()
    {
        var count = 0;
        await foreach (var _ in _s3.Paginators.ListObjectsV2(new ListObjectsV2Request { BucketName = DataLake, MaxKeys = 4 }).S3Objects)
        {
            count++;
        }

        Assert.Equal(30, count);
    }

    [Fact]
    public async Task Delimiter_rolls_keys_up_into_common_prefixes_across_pages()
    {
        var top = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = DataLake, Delimiter = "/" });
        Assert.Equal(["config/", "exports/", "notes/", "raw/", "reports/"], top.CommonPrefixes);
        Assert.Equal(["manifest.json"], top.S3Objects.Select(o => o.Key));
        Assert.Equal(6, top.KeyCount);

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = DataLake, Delimiter = "/", MaxKeys = 2, ContinuationToken = token });
            seen.AddRange((page.CommonPrefixes ?? []).Concat((page.S3Objects ?? []).Select(o => o.Key)));
            token = page.NextContinuationToken;
        }
        while (token is not null);

        Assert.Equal(6, seen.Count);

        var events = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = DataLake, Prefix = "raw/events/", Delimiter = "/" });
        Assert.Equal(["raw/events/2026/"], events.CommonPrefixes);
    }

    [Fact]
    public async Task Prefix_and_start_after_narrow_the_listing()
    {
        var reports = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = DataLake, Prefix = "reports/", StartAfter = "reports/2026-09.csv" });
        Assert.Equal(["reports/2026-10.csv", "reports/2026-11.csv"], reports.S3Objects.Select(o => o.Key));
        Assert.All(reports.S3Objects, o => Assert.True(o.Size > 0));
    }

    [Fact]
    public async Task A_foreign_continuation_token_is_refused() =>
        await AwsAssert.FailsWith<AmazonS3Exception>(
            () => _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = DataLake, ContinuationToken = "bm90LWEtdG9rZW4=" }),
            "InvalidArgument",
            HttpStatusCode.BadRequest);

    [Fact]
    public async Task GetObject_returns_text_json_and_binary_content()
    {
        Assert.Contains("monthly cost reports", await ReadAsync("notes/readme.txt"), StringComparison.Ordinal);
        using var json = await _s3.GetObjectAsync(DataLake, "config/settings.json");
        Assert.Equal("application/json", json.Headers.ContentType);

        using var binary = await _s3.GetObjectAsync(DataLake, "exports/snapshot.bin");
        Assert.Equal(3 * 1024 * 1024, binary.ContentLength);
        using var buffer = new MemoryStream();
        await binary.ResponseStream.CopyToAsync(buffer);
        Assert.Equal(3 * 1024 * 1024, buffer.Length);
    }

    [Fact]
    public async Task GetObject_with_a_range_returns_206_and_the_slice()
    {
        using var slice = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = DataLake, Key = "notes/readme.txt", ByteRange = new ByteRange(4, 11) });
        Assert.Equal(HttpStatusCode.PartialContent, slice.HttpStatusCode);
        using var reader = new StreamReader(slice.ResponseStream);
        Assert.Equal("data lak", await reader.ReadToEndAsync());
        Assert.StartsWith("bytes 4-11/", slice.ContentRange, StringComparison.Ordinal);

        await AwsAssert.FailsWith<AmazonS3Exception>(
            () => _s3.GetObjectAsync(new GetObjectRequest { BucketName = DataLake, Key = "notes/readme.txt", ByteRange = new ByteRange(10_000, 10_010) }),
            "InvalidRange",
            HttpStatusCode.RequestedRangeNotSatisfiable);
    }

    [Fact]
    public async Task Missing_keys_answer_NoSuchKey_and_head_answers_404()
    {
        await AwsAssert.FailsWith<NoSuchKeyException>(() => _s3.GetObjectAsync(DataLake, "missing.txt"), "NoSuchKey", HttpStatusCode.NotFound);
        var head = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => _s3.GetObjectMetadataAsync(DataLake, "missing.txt"));
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        await AwsAssert.FailsWith<AmazonS3Exception>(() => _s3.GetObjectAsync("no-such-bucket-here", "a"), "NoSuchBucket", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PutObject_with_aws_chunked_signed_streaming_and_a_trailing_checksum_round_trips()
    {
        const string Content = "hello from an aws-chunked upload";
        await EnsureUploadBucketAsync();
        var put = await _s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Uploads,
            Key = "uploads/chunked with space.txt",
            ContentBody = Content,
            ContentType = "text/plain",
            Metadata = { ["purpose"] = "test" },
            ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
        });
        Assert.Equal(HttpStatusCode.OK, put.HttpStatusCode);

        var upload = fixture.Server.RequestLog.Last(e => e.Operation == "PutObject");
        Assert.Equal((SignatureCheck.Verified, "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER"), (upload.SignatureCheck, upload.ContentSha256));
        Assert.Equal(Content, await ReadAsync("uploads/chunked with space.txt", Uploads));

        var head = await _s3.GetObjectMetadataAsync(Uploads, "uploads/chunked with space.txt");
        Assert.Equal((Encoding.UTF8.GetByteCount(Content), "test", put.ETag), (head.ContentLength, head.Metadata["purpose"], head.ETag));

        await _s3.DeleteObjectAsync(Uploads, "uploads/chunked with space.txt");
        await AwsAssert.FailsWith<NoSuchKeyException>(() => _s3.GetObjectAsync(Uploads, "uploads/chunked with space.txt"), "NoSuchKey", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PutObject_without_chunk_encoding_and_with_binary_content_round_trips()
    {
        await EnsureUploadBucketAsync();
        var bytes = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7)).ToArray();
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = Uploads, Key = "uploads/plain.bin", InputStream = new MemoryStream(bytes), UseChunkEncoding = false });
        using var get = await _s3.GetObjectAsync(Uploads, "uploads/plain.bin");
        using var buffer = new MemoryStream();
        await get.ResponseStream.CopyToAsync(buffer);
        Assert.Equal(bytes, buffer.ToArray());
        Assert.Equal("application/octet-stream", get.Headers.ContentType);
    }

    [Fact]
    public async Task A_presigned_url_reads_the_object_until_it_expires_and_only_that_object()
    {
        var url = await _s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = DataLake,
            Key = "notes/readme.txt",
            Expires = DateTime.UtcNow.AddMinutes(5),
            Protocol = Protocol.HTTP,
            Verb = HttpVerb.GET,
        });
        using var http = new HttpClient();
        Assert.Contains("monthly cost reports", await http.GetStringAsync(new Uri(url)), StringComparison.Ordinal);
        Assert.Equal(SignatureCheck.Verified, fixture.Server.RequestLog[^1].SignatureCheck);

        using var otherKey = await http.GetAsync(new Uri(url.Replace("notes/readme.txt", "config/settings.json", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Forbidden, otherKey.StatusCode);
        Assert.Contains("<Code>SignatureDoesNotMatch</Code>", await otherKey.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Back-dated to the start of the signing day with a one-second lifetime: long expired.
        var date = Regex.Match(url, "X-Amz-Date=(\\d{8})").Groups[1].Value;
        var expired = Regex.Replace(url, "X-Amz-Date=\\d{8}T\\d{6}Z", $"X-Amz-Date={date}T000000Z");
        expired = Regex.Replace(expired, "X-Amz-Expires=\\d+", "X-Amz-Expires=1");
        using var late = await http.GetAsync(new Uri(expired));
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        Assert.Equal(SignatureCheck.RequestExpired, fixture.Server.RequestLog[^1].SignatureCheck);
    }

    [Fact]
    public async Task Virtual_host_style_addresses_the_bucket_by_host_name()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Server.Endpoint, "notes/readme.txt"));
        using var response = await RawSigned.SendAsync(fixture.Server, request, "s3", "us-east-1", virtualHost: DataLake + ".localhost");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("monthly cost reports", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_versioned_bucket_answers_version_ids()
    {
        var put = await _s3.PutObjectAsync(new PutObjectRequest { BucketName = "acme-audit-logs-eu", Key = "notes/new.txt", ContentBody = "v1" });
        Assert.False(string.IsNullOrEmpty(put.VersionId));
    }

    private async Task EnsureUploadBucketAsync()
    {
        try
        {
            await _s3.PutBucketAsync(new PutBucketRequest { BucketName = Uploads });
        }
        catch (BucketAlreadyOwnedByYouException)
        {
            // Another test of this class made it first.
        }
    }

    private async Task<string> ReadAsync(string key, string bucket = DataLake)
    {
        using var response = await _s3.GetObjectAsync(bucket, key);
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync();
    }
}
