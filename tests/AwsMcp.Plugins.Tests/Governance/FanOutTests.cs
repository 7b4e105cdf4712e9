using System.Diagnostics;
using System.Text.Json;
using AwsMcp.Host.Configuration;
using AwsMcp.Plugins.Tests.Infrastructure;
using AwsMcp.Sandbox.Core;
using ModelContextProtocol.Client;

namespace AwsMcp.Plugins.Tests.Governance;

/// <summary>
/// Fan-out through the real host and the real Compute pack against the emulator: <c>list_ec2_instances</c> asked of
/// several regions and accounts at once (<c>[AwsTarget(FanOut = true)]</c>), with every target authorised, bounded,
/// reported and audited. The seeded estate has instances in us-east-1, eu-west-1 and ap-southeast-2; each test compares
/// the merged answer with one-region listings made in the same test, since other tests may add instances.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class FanOutTests(SandboxHostFixture fixture)
{
    private const string Tool = "list_ec2_instances";
    private static readonly string[] Seeded = ["us-east-1", "eu-west-1", "ap-southeast-2"];

    [Fact(Timeout = 120_000)]
    public async Task All_regions_answer_the_instances_of_every_fleet_region_each_tagged_and_reported()
    {
        await using var client = await fixture.ConnectAsync();
        var expected = await SingleRegionIdsAsync(client, FanOutOptions.DefaultRegions);

        var (items, _) = await client.CallAllPagesAsync(Tool, new Dictionary<string, object?> { ["regions"] = new[] { "all" }, ["limit"] = 200 });

        Assert.Equal(expected.Order(StringComparer.Ordinal), items.Select(Key).Order(StringComparer.Ordinal));
        Assert.Subset(items.Strings("region").ToHashSet(StringComparer.Ordinal), Seeded.ToHashSet(StringComparer.Ordinal));

        var first = await client.CallJsonAsync(Tool, new { regions = new[] { "all" }, limit = 200 });
        var targets = first.GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal(FanOutOptions.DefaultRegions.Order(StringComparer.Ordinal), targets.Select(t => t.GetProperty("region").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(targets, target => Assert.Equal("ok", target.GetProperty("status").GetString()));
        Assert.Equal(first.GetProperty("items").GetArrayLength(), targets.Sum(t => t.GetProperty("count").GetInt32()));
    }

    [Fact(Timeout = 120_000)]
    public async Task Paging_a_fan_out_returns_every_instance_exactly_once_and_no_page_over_its_limit()
    {
        await using var client = await fixture.ConnectAsync();
        var expected = await SingleRegionIdsAsync(client, Seeded);

        var items = new List<JsonElement>();
        string? token = null;
        var pages = 0;
        do
        {
            var arguments = new Dictionary<string, object?> { ["regions"] = Seeded, ["limit"] = 4 };
            if (token is not null)
            {
                arguments["next_token"] = token;
            }

            var page = await client.CallJsonAsync(Tool, arguments);
            var onPage = page.GetProperty("items").EnumerateArray().ToList();
            Assert.True(onPage.Count <= 4, $"page {pages + 1} has {onPage.Count} items, over its limit of 4");
            items.AddRange(onPage);
            token = page.TryGetProperty("next_token", out var next) ? next.GetString() : null;
            Assert.Equal(token is not null, page.GetProperty("has_more").GetBoolean());
            pages++;
        }
        while (token is not null && pages < 50);

        Assert.True(pages > 3, $"only {pages} pages for {expected.Count} instances at 4 a page");
        Assert.Equal(items.Count, items.Select(Key).Distinct().Count());
        Assert.Equal(expected.Order(StringComparer.Ordinal), items.Select(Key).Order(StringComparer.Ordinal));

        // The token is sealed to these arguments, like every page token.
        var refused = await client.CallErrorAsync(Tool, new Dictionary<string, object?> { ["regions"] = new[] { "eu-west-1" }, ["limit"] = 4, ["next_token"] = await SecondPageTokenAsync(client) });
        Assert.Contains("next_token", refused, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_region_the_policy_denies_is_reported_and_never_asked()
    {
        var (host, plugins) = await fixture.StartOwnHostAsync("fan-out-policy", new Dictionary<string, string?>
        {
            ["AwsMcp:Policy:AllowedRegions:0"] = "us-east-1",
            ["AwsMcp:Policy:AllowedRegions:1"] = "eu-west-1",
        });
        await using (host)
        using (plugins)
        await using (var client = await host.ConnectAsync("2025-06-18"))
        {
            var before = DateTimeOffset.UtcNow;
            var page = await client.CallJsonAsync(Tool, new { regions = Seeded, limit = 200 });

            var denied = Target(page, "ap-southeast-2");
            Assert.Equal("denied", denied.GetProperty("status").GetString());
            Assert.Contains("Region 'ap-southeast-2' is not allowed", denied.GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.Equal("ok", Target(page, "eu-west-1").GetProperty("status").GetString());
            Assert.DoesNotContain(page.GetProperty("items").EnumerateArray(), item => item.GetProperty("region").GetString() == "ap-southeast-2");
            Assert.DoesNotContain(fixture.Sandbox.RequestLog, e => e.Timestamp >= before && e.Operation == "DescribeInstances" && e.Region == "ap-southeast-2");

            // ["all"] is the fleet as far as policy allows it: nothing to deny.
            var all = await client.CallJsonAsync(Tool, new { regions = new[] { "all" }, limit = 200 });
            Assert.Equal(["eu-west-1", "us-east-1"], all.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("region").GetString()).Order(StringComparer.Ordinal));

            var record = Assert.Single(AuditLines(plugins, "fan-out-policy"), line => line.Contains("\"tool\":\"list_ec2_instances\"", StringComparison.Ordinal) && line.Contains("denied", StringComparison.Ordinal));
            Assert.Contains("ap-southeast-2: denied", record, StringComparison.Ordinal);
            Assert.Matches("\"us-east-1: ok [0-9]+\"", record);
            Assert.Matches("\"eu-west-1: ok [0-9]+\"", record);
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task A_failing_region_is_reported_failed_while_the_others_answer()
    {
        await using var client = await fixture.ConnectAsync();
        var expected = await SingleRegionIdsAsync(client, ["us-east-1", "ap-southeast-2"]);
        using var fault = SandboxFaultScope.Start(fixture.Sandbox, "ec2", "DescribeInstances", SandboxFault.AccessDenied("ec2"), region: "eu-west-1");

        var page = await client.CallJsonAsync(Tool, new { regions = Seeded, limit = 200 });

        var failed = Target(page, "eu-west-1");
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(failed.GetProperty("error").GetString()));
        Assert.Equal("ok", Target(page, "us-east-1").GetProperty("status").GetString());
        Assert.Equal(expected.Order(StringComparer.Ordinal), page.GetProperty("items").EnumerateArray().Select(Key).Order(StringComparer.Ordinal));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_slow_region_times_out_and_the_others_answer_in_time()
    {
        var (host, plugins) = await fixture.StartOwnHostAsync("fan-out-timeout", new Dictionary<string, string?> { ["AwsMcp:FanOut:TargetTimeoutSeconds"] = "3" });
        await using (host)
        using (plugins)
        await using (var client = await host.ConnectAsync("2025-06-18"))
        {
            // Warm the host's clients first: a cold first call must not count against the targets' timeout.
            await SingleRegionIdsAsync(client, Seeded);
            fixture.Sandbox.Faults.AddLatency("ec2", "DescribeInstances", TimeSpan.FromSeconds(20), region: "ap-southeast-2");
            try
            {
                var clock = Stopwatch.StartNew();
                var page = await client.CallJsonAsync(Tool, new { regions = Seeded, limit = 200 });

                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"the call took {clock.Elapsed}, not bounded by the 3 s target timeout");
                var slow = Target(page, "ap-southeast-2");
                Assert.Equal("timed_out", slow.GetProperty("status").GetString());
                Assert.Contains("TargetTimeoutSeconds", slow.GetProperty("error").GetString(), StringComparison.Ordinal);
                Assert.Equal("ok", Target(page, "us-east-1").GetProperty("status").GetString());
                Assert.Contains(page.GetProperty("items").EnumerateArray(), item => item.GetProperty("region").GetString() == "eu-west-1");
            }
            finally
            {
                fixture.Sandbox.Faults.Clear("ec2", "DescribeInstances");
            }
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Too_many_targets_are_refused_naming_the_field_before_any_is_asked()
    {
        var (host, plugins) = await fixture.StartOwnHostAsync("fan-out-cap", new Dictionary<string, string?> { ["AwsMcp:FanOut:MaxTargets"] = "2" });
        await using (host)
        using (plugins)
        await using (var client = await host.ConnectAsync("2025-06-18"))
        {
            var before = DateTimeOffset.UtcNow;
            var refused = await client.CallErrorAsync(Tool, new { regions = Seeded });

            Assert.Contains("regions: names 3 targets", refused, StringComparison.Ordinal);
            Assert.Contains("AwsMcp:FanOut:MaxTargets", refused, StringComparison.Ordinal);
            Assert.DoesNotContain(fixture.Sandbox.RequestLog, e => e.Timestamp >= before && e.Operation == "DescribeInstances");

            var both = await client.CallErrorAsync(Tool, new { regions = new[] { "us-east-1", "eu-west-1" }, accounts = new[] { "shared", "main" } });
            Assert.Contains("regions, accounts: names 4 targets", both, StringComparison.Ordinal);

            var fits = await client.CallJsonAsync(Tool, new { regions = new[] { "us-east-1", "eu-west-1" }, limit = 10 });
            Assert.Equal(2, fits.GetProperty("targets").GetArrayLength());
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Every_configured_account_answers_with_its_own_instances()
    {
        var (host, plugins) = await fixture.StartOwnHostAsync("fan-out-accounts", new Dictionary<string, string?>
        {
            ["AwsMcp:Aws:Accounts:main:RoleArn"] = "arn:aws:iam::123456789012:role/AwsMcpOperator",
        });
        await using (host)
        using (plugins)
        await using (var client = await host.ConnectAsync("2025-06-18"))
        {
            var own = await SingleRegionIdsAsync(client, ["eu-west-1"]);
            var page = await client.CallJsonAsync(Tool, new { regions = new[] { "eu-west-1" }, accounts = new[] { "*" }, limit = 200 });

            var targets = page.GetProperty("targets").EnumerateArray().ToList();
            Assert.Equal(["main", SandboxHostFixture.SharedAccount], targets.Select(t => t.GetProperty("account").GetString()).Order(StringComparer.Ordinal));
            Assert.All(targets, target => Assert.Equal("ok", target.GetProperty("status").GetString()));
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.All(items, item => Assert.Equal("main", item.GetProperty("account").GetString()));
            Assert.Equal(own.Order(StringComparer.Ordinal), items.Select(Key).Order(StringComparer.Ordinal));

            // A single account still works as a one-target call, with the tool's own page.
            var single = await client.CallJsonAsync(Tool, new { account = "main", region = "eu-west-1", limit = 200 });
            Assert.False(single.TryGetProperty("targets", out _));
            Assert.Equal(own.Order(StringComparer.Ordinal), single.GetProperty("items").EnumerateArray().Select(i => $"eu-west-1/{i.GetProperty("instance_id").GetString()}").Order(StringComparer.Ordinal));
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Bad_target_lists_are_refused_by_the_binder_naming_the_field()
    {
        await using var client = await fixture.ConnectAsync();

        Assert.Contains("regions", await client.CallErrorAsync(Tool, new { regions = new[] { "all", "us-east-1" } }), StringComparison.Ordinal);
        Assert.Contains("regions[0]", await client.CallErrorAsync(Tool, new { regions = new[] { "Mars" } }), StringComparison.Ordinal);
        Assert.Contains("cannot be sent with region", await client.CallErrorAsync(Tool, new { regions = new[] { "us-east-1" }, region = "eu-west-1" }), StringComparison.Ordinal);
        Assert.Contains("is empty", await client.CallErrorAsync(Tool, new { regions = Array.Empty<string>() }), StringComparison.Ordinal);
    }

    private static string Key(JsonElement item) => $"{item.GetProperty("region").GetString()}/{item.GetProperty("instance_id").GetString()}";

    private static JsonElement Target(JsonElement page, string region) =>
        page.GetProperty("targets").EnumerateArray().Single(target => target.GetProperty("region").GetString() == region);

    /// <summary>What one-target calls (the single <c>region</c> argument, as before fan-out) list, as region/id keys.</summary>
    private static async Task<IReadOnlyList<string>> SingleRegionIdsAsync(McpClient client, IEnumerable<string> regions)
    {
        var keys = new List<string>();
        foreach (var region in regions)
        {
            var (items, _) = await client.CallAllPagesAsync(Tool, new Dictionary<string, object?> { ["region"] = region, ["limit"] = 200 });
            keys.AddRange(items.Select(item => $"{region}/{item.GetProperty("instance_id").GetString()}"));
        }

        return keys;
    }

    private static async Task<string> SecondPageTokenAsync(McpClient client)
    {
        var page = await client.CallJsonAsync(Tool, new { regions = Seeded, limit = 4 });
        return page.GetProperty("next_token").GetString()!;
    }

    private static IReadOnlyList<string> AuditLines(PluginFolder plugins, string host) =>
        [.. Directory.GetFiles(plugins.AuditPathOf(host), "*.jsonl").SelectMany(File.ReadAllLines)];
}
