using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using AwsMcp.Plugins.Tests.Infrastructure;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Plugins.Tests.Storage;

/// <summary>
/// list_s3_objects, get_s3_object_info and read_s3_object_text. acme-data-lake (us-east-1) holds 30 objects: 11
/// reports/*.csv, 15 raw/events/**.json, notes/readme.txt, config/settings.json, manifest.json and a 3 MiB binary
/// exports/snapshot.bin.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class ObjectToolsTests(SandboxHostFixture fixture)
{
    private const string DataLake = "acme-data-lake";

    [Fact]
    public async Task ListS3ObjectsPagesThroughEveryObject()
    {
        await using var client = await fixture.ConnectAsync();

        var (items, pages) = await client.CallAllPagesAsync("list_s3_objects", new Dictionary<string, object?> { ["bucket_name"] = DataLake, ["limit"] = 7 });
        var reports = await client.CallJsonAsync("list_s3_objects", new { bucket_name = DataLake, prefix = "reports/", detail = true });

        Assert.Equal(30, items.Count);
        Assert.Equal(5, pages);
        Assert.Equal(30, items.Strings("key").Distinct().Count());
        Assert.Equal(3 * 1024 * 1024, items.Single(item => item.GetProperty("key").GetString() == "exports/snapshot.bin").GetProperty("size").GetInt64());
        Assert.Equal(11, reports.GetProperty("items").GetArrayLength());
        Assert.All(reports.GetProperty("items").EnumerateArray(), item => Assert.True(item.GetProperty("details").TryGetProperty("e_tag", out _)));
    }

    [Fact]
    public async Task ListS3ObjectsGroupsKeysIntoCommonPrefixesWithADelimiter()
    {
        await using var client = await fixture.ConnectAsync();

        var root = await client.CallJsonAsync("list_s3_objects", new { bucket_name = DataLake, delimiter = "/" });

        Assert.Equal(["manifest.json"], root.GetProperty("items").EnumerateArray().Strings("key"));
        Assert.Equal(["config/", "exports/", "notes/", "raw/", "reports/"], root.GetProperty("common_prefixes").EnumerateArray().Select(p => p.GetString()!).Order());
        Assert.False(root.GetProperty("has_more").GetBoolean());
    }

    [Fact]
    public async Task GetS3ObjectInfoSaysWhetherAnObjectIsReadableAsText()
    {
        await using var client = await fixture.ConnectAsync();

        var readme = await client.CallJsonAsync("get_s3_object_info", new { bucket_name = DataLake, key = "notes/readme.txt" });
        var snapshot = await client.CallJsonAsync("get_s3_object_info", new { bucket_name = DataLake, key = "exports/snapshot.bin" });
        var missing = await client.CallErrorAsync("get_s3_object_info", new { bucket_name = DataLake, key = "no/such/key.txt" });

        Assert.Equal("text/plain", readme.GetProperty("content_type").GetString());
        Assert.True(readme.GetProperty("readable_as_text").GetBoolean());
        Assert.Equal("STANDARD", readme.GetProperty("storage_class").GetString());
        Assert.False(snapshot.GetProperty("readable_as_text").GetBoolean());
        Assert.Contains("application/octet-stream", snapshot.GetProperty("text_note").GetString(), StringComparison.Ordinal);
        Assert.Contains("does not exist", missing, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notes/readme.txt", "The data lake holds monthly cost reports and raw events.\n")]
    [InlineData("config/settings.json", """{"retentionDays":365,"owner":"data-team","compress":true}""")]
    [InlineData("reports/2026-01.csv", "service,cost\nEC2,1037\nS3,201\n")]
    public async Task ReadS3ObjectTextReturnsSmallTextObjects(string key, string expected)
    {
        await using var client = await fixture.ConnectAsync();

        var result = await client.CallJsonAsync("read_s3_object_text", new { bucket_name = DataLake, key });

        Assert.Equal(expected, result.GetProperty("text").GetString());
        Assert.False(result.GetProperty("truncated").GetBoolean());
        Assert.Equal(Encoding.UTF8.GetByteCount(expected), result.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task ReadS3ObjectTextRefusesBinaryObjectsWithTheReason()
    {
        await using var client = await fixture.ConnectAsync();

        var binary = await client.CallErrorAsync("read_s3_object_text", new { bucket_name = DataLake, key = "exports/snapshot.bin" });
        var gzip = await client.CallErrorAsync("read_s3_object_text", new { bucket_name = "acme-audit-logs-eu", key = "cloudtrail/2026/11/24/trail.json.gz" });

        Assert.Contains("not text", binary, StringComparison.Ordinal);
        Assert.Contains("application/gzip", gzip, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadS3ObjectTextReadsLargerTextInWindowsAndRefusesOversizedObjects()
    {
        await using var writer = await fixture.ConnectAsync(writes: true);
        var bucket = "awsmcp-test-objects-" + Guid.NewGuid().ToString("N")[..12];
        await writer.CallJsonAsync("create_s3_bucket", new { bucket_name = bucket });
        // Multi-byte characters make windows end inside characters; the tool must never split one.
        var text = string.Concat(Enumerable.Range(0, 1500).Select(i => $"line {i}: naïve café — ünïcødé ✓\n"));
        using var s3 = SandboxS3Client();
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "notes/long.txt", ContentBody = text, ContentType = "text/plain; charset=utf-8" });
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "big.log", ContentBody = new string('a', 300 * 1024) });
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "secrets.env", ContentBody = "DB_PASSWORD=hunter2-from-s3\nAWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n", ContentType = "text/plain" });
        await using var client = await fixture.ConnectAsync();

        var read = new StringBuilder();
        long? offset = 0;
        var calls = 0;
        while (offset is { } next)
        {
            var window = await client.CallJsonAsync("read_s3_object_text", new { bucket_name = bucket, key = "notes/long.txt", offset = next, max_bytes = 10_000 });
            read.Append(window.GetProperty("text").GetString());
            offset = window.GetProperty("truncated").GetBoolean() ? window.GetProperty("next_offset").GetInt64() : null;
            calls++;
        }

        var tooLarge = await client.CallErrorAsync("read_s3_object_text", new { bucket_name = bucket, key = "big.log" });
        var secrets = await client.CallJsonAsync("read_s3_object_text", new { bucket_name = bucket, key = "secrets.env" });

        Assert.Equal(text, read.ToString());
        Assert.True(calls > 3);
        Assert.Contains("262,144", tooLarge, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-from-s3", secrets.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAIOSFODNN7EXAMPLE", secrets.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("DB_PASSWORD=[redacted]", secrets.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessDeniedOnReadIsAClearToolError()
    {
        await using var client = await fixture.ConnectAsync();
        using var fault = SandboxFaultScope.Start(fixture.Sandbox, "s3", "GetObject", SandboxFault.AccessDenied("s3"));

        var error = await client.CallErrorAsync("read_s3_object_text", new { bucket_name = DataLake, key = "manifest.json" });

        Assert.Contains("Access denied", error, StringComparison.Ordinal);
        Assert.Contains("s3:GetObject", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidObjectArgumentsAreRefusedNamingTheField()
    {
        await using var client = await fixture.ConnectAsync();

        var window = await client.CallErrorAsync("read_s3_object_text", new { bucket_name = DataLake, key = "manifest.json", max_bytes = 100_000 });
        var pastEnd = await client.CallErrorAsync("read_s3_object_text", new { bucket_name = DataLake, key = "manifest.json", offset = 5000 });
        var bucket = await client.CallErrorAsync("list_s3_objects", new { bucket_name = "ab" });
        var traversal = await client.CallErrorAsync("list_s3_objects", new { bucket_name = DataLake + "/../" + DataLake });
        var spaced = await client.CallErrorAsync("get_s3_object_info", new { bucket_name = DataLake + " ", key = "manifest.json" });

        Assert.Contains("max_bytes", window, StringComparison.Ordinal);
        Assert.Contains("offset", pastEnd, StringComparison.Ordinal);
        Assert.Contains("bucket_name", bucket, StringComparison.Ordinal);

        // A name no bucket can have is the caller's mistake, named as such, not a signature mismatch from S3.
        Assert.Contains("bucket_name", traversal, StringComparison.Ordinal);
        Assert.DoesNotContain("Signature", traversal, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("bucket_name", spaced, StringComparison.Ordinal);
    }

    private AmazonS3Client SandboxS3Client() => new(
        new BasicAWSCredentials(SandboxIdentities.OperatorAccessKeyId, SandboxIdentities.OperatorSecretAccessKey),
        new AmazonS3Config { ServiceURL = fixture.Sandbox.Endpoint.ToString(), AuthenticationRegion = SandboxHostFixture.DefaultRegion, ForcePathStyle = true });
}
