using System.Text;
using AwsMcp.Plugins.Tests.Infrastructure;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AwsMcp.Plugins.Tests.Storage;

/// <summary>
/// The storage pack's resource template aws://s3/{bucket}/{+key} and its completion source buckets, against the seeded
/// buckets: acme-data-lake (us-east-1) with text, JSON and a 3 MiB binary object; acme-audit-logs-eu (eu-west-1) with a
/// small gzip object.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class ObjectResourceTests(SandboxHostFixture fixture)
{
    private const string ObjectTemplate = "aws://s3/{bucket}/{+key}";

    [Theory]
    [InlineData("notes/readme.txt", "text/plain", "The data lake holds monthly cost reports and raw events.\n")]
    [InlineData("config/settings.json", "application/json", """{"retentionDays":365,"owner":"data-team","compress":true}""")]
    [InlineData("reports/2026-01.csv", "text/csv", "service,cost\nEC2,1037\nS3,201\n")]
    public async Task ATextObjectIsReadAsTextOfItsContentType(string key, string contentType, string expected)
    {
        await using var client = await fixture.ConnectAsync();
        var uri = $"aws://s3/acme-data-lake/{key}";

        var resource = Assert.IsType<TextResourceContents>(Assert.Single((await client.ReadResourceAsync(uri)).Contents));

        Assert.Equal(expected, resource.Text);
        Assert.Equal(contentType, resource.MimeType);
        Assert.Equal(uri, resource.Uri);
    }

    [Fact]
    public async Task ABinaryObjectInTheBucketsOwnRegionIsReadAsBytes()
    {
        await using var client = await fixture.ConnectAsync();

        // The bucket lives in eu-west-1; the hosts' default region is us-east-1.
        var resource = Assert.IsType<BlobResourceContents>(Assert.Single(
            (await client.ReadResourceAsync("aws://s3/acme-audit-logs-eu/cloudtrail/2026/11/24/trail.json.gz")).Contents));

        Assert.Equal("application/gzip", resource.MimeType);
        Assert.Equal("fake-gzip-bytes", Encoding.UTF8.GetString(resource.DecodedData.Span));
        Assert.Contains(fixture.Sandbox.RequestLog, entry => entry.Operation == "GetObject" && entry.Region == "eu-west-1" && entry.Path.Contains("trail.json.gz", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnObjectOverTheCapIsRefusedPointingAtTheObjectInfoTool()
    {
        await using var client = await fixture.ConnectAsync();
        var readsBefore = fixture.Sandbox.RequestLog.Count(entry => entry.Operation == "GetObject");

        var tooLarge = await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync("aws://s3/acme-data-lake/exports/snapshot.bin").AsTask());
        var missing = await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync("aws://s3/acme-data-lake/no/such/key.txt").AsTask());

        Assert.Contains("3,145,728 bytes, more than the 40,960", tooLarge.Message, StringComparison.Ordinal);
        Assert.Contains("get_s3_object_info", tooLarge.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);
        Assert.Equal(readsBefore, fixture.Sandbox.RequestLog.Count(entry => entry.Operation == "GetObject"));
    }

    [Fact]
    public async Task AnObjectInARegionThePolicyDisallowsIsRefused()
    {
        var (host, plugins) = await fixture.StartOwnHostAsync("s3-us-only", new Dictionary<string, string?> { ["AwsMcp:Policy:AllowedRegions:0"] = "us-east-1" });
        await using (host)
        using (plugins)
        await using (var client = await host.ConnectAsync("2025-06-18"))
        {
            var allowed = await client.ReadResourceAsync("aws://s3/acme-data-lake/manifest.json");
            var refused = await Assert.ThrowsAsync<McpProtocolException>(() =>
                client.ReadResourceAsync("aws://s3/acme-audit-logs-eu/cloudtrail/2026/11/24/trail.json.gz").AsTask());

            Assert.IsType<TextResourceContents>(Assert.Single(allowed.Contents));
            Assert.Contains("Region 'eu-west-1' is not allowed", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task BucketNamesCompleteFromTheBucketsThatStartWithWhatWasTyped()
    {
        await using var client = await fixture.ConnectAsync();

        var template = (await client.ListResourceTemplatesAsync()).Single(t => t.UriTemplate == ObjectTemplate);
        var acme = await client.CompleteAsync(new ResourceTemplateReference { Uri = ObjectTemplate }, "bucket", "acme-");
        var lake = await fixture.DescriptorOf("AwsMcp.Storage", "buckets").InvokeAsync("""{"prefix":"acme-data"}""");

        Assert.Equal("S3 object", template.Title);
        Assert.Equal(
            ["acme-audit-logs-eu", "acme-data-lake", "acme-legacy-backups-syd", "acme-media-syd", "acme-prod-web-assets", "acme-public-downloads"],
            acme.Completion.Values.Order(StringComparer.Ordinal));
        Assert.Equal(["acme-data-lake"], lake.Structured!.Value.GetProperty("result").EnumerateArray().Select(name => name.GetString()));
    }
}
