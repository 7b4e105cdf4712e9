using AwsMcp.Plugins.Tests.Infrastructure;

namespace AwsMcp.Plugins.Tests.Governance;

/// <summary>
/// Page tokens are sealed by the host to the listing they continue: the real packs against the emulator, a token
/// from one bucket or filter cannot page another, and a forged one is an invalid next_token, not a tool failure.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class PageTokenTests(SandboxHostFixture fixture)
{
    private const string DataLake = "acme-data-lake";
    private const string WebAssets = "acme-prod-web-assets";

    [Fact]
    public async Task A_token_pages_only_the_listing_it_came_from()
    {
        await using var client = await fixture.ConnectAsync();
        var first = await client.CallJsonAsync("list_s3_objects", new { bucket_name = DataLake, limit = 2 });
        var token = first.GetProperty("next_token").GetString()!;

        var listingsBefore = WebAssetListings();
        var otherBucket = await client.CallErrorAsync("list_s3_objects", new { bucket_name = WebAssets, limit = 2, next_token = token });
        var otherFilter = await client.CallErrorAsync("list_s3_objects", new { bucket_name = DataLake, prefix = "reports/", limit = 2, next_token = token });
        var second = await client.CallJsonAsync("list_s3_objects", new { limit = 2, next_token = token, bucket_name = DataLake });

        Assert.Contains("next_token", otherBucket, StringComparison.Ordinal);
        Assert.Contains("next_token", otherFilter, StringComparison.Ordinal);
        Assert.Equal(listingsBefore, WebAssetListings()); // refused before S3 saw it
        Assert.Equal(2, second.GetProperty("items").GetArrayLength());
        Assert.NotEqual(
            first.GetProperty("items")[0].GetProperty("key").GetString(),
            second.GetProperty("items")[0].GetProperty("key").GetString());
    }

    private int WebAssetListings() =>
        fixture.Sandbox.RequestLog.Count(e => e.Operation == "ListObjectsV2" && e.Path.Contains(WebAssets, StringComparison.Ordinal));

    [Theory]
    [InlineData("filter_log_events", "eyJmb3JnZWQiOnRydWV9")]
    [InlineData("list_log_groups", "djF8MHx8Zm9yZ2Vk")]
    [InlineData("list_ec2_instances", "pt1.AAAA.AAAA")]
    public async Task A_forged_token_is_an_invalid_next_token_before_the_tool_runs(string tool, string forged)
    {
        await using var client = await fixture.ConnectAsync();
        var arguments = new Dictionary<string, object?> { ["next_token"] = forged };
        if (tool == "filter_log_events")
        {
            arguments["log_group_name"] = "/ecs/web-api";
        }

        var error = await client.CallErrorAsync(tool, arguments);

        Assert.Contains("next_token", error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpectedly", error, StringComparison.Ordinal);
    }
}
