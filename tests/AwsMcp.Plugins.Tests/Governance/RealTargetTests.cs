using AwsMcp.Host.ToolCalls.Audit.JsonLines;
using AwsMcp.Plugins.Tests.Infrastructure;

namespace AwsMcp.Plugins.Tests.Governance;

/// <summary>
/// Against the real packs and the emulator: policy authorises where a call really acts and what it declares it
/// changes, and nothing changes without a durable audit record. Each test runs its own host (its own policy and
/// audit folder) and checks the emulator's request log for what reached AWS.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class RealTargetTests(SandboxHostFixture fixture)
{
    /// <summary>A seeded bucket that lives in ap-southeast-2.</summary>
    private const string LegacyBucket = "acme-legacy-backups-syd";

    [Fact]
    public async Task Deleting_a_bucket_in_a_disallowed_region_is_refused_and_the_record_names_the_buckets_region()
    {
        var (host, plugins) = await fixture.StartOwnHostAsync("us-only", new Dictionary<string, string?> { ["AwsMcp:Policy:AllowedRegions:0"] = "us-east-1" });
        await using (host)
        using (plugins)
        await using (var client = await host.ConnectAsync("2025-06-18"))
        {
            var refused = await client.CallErrorAsync("delete_s3_bucket", new { bucket_name = LegacyBucket });

            Assert.Contains("Region 'ap-southeast-2' is not allowed", refused, StringComparison.Ordinal);
            Assert.DoesNotContain(fixture.Sandbox.RequestLog, e => e.Operation == "DeleteBucket" && e.Path.Contains(LegacyBucket, StringComparison.Ordinal));
            var record = Assert.Single(AuditLines(plugins, "us-only"), line => line.Contains("\"tool\":\"delete_s3_bucket\"", StringComparison.Ordinal));
            Assert.Contains("\"region\":\"ap-southeast-2\"", record, StringComparison.Ordinal);
            Assert.Contains("\"outcome\":\"Refused\"", record, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Launching_more_instances_than_the_cap_allows_is_refused_before_ec2_is_asked()
    {
        var (host, plugins) = await fixture.StartOwnHostAsync("capped", new Dictionary<string, string?> { ["AwsMcp:Policy:MaxResourcesPerCall"] = "2" });
        await using (host)
        using (plugins)
        await using (var client = await host.ConnectAsync("2025-06-18"))
        {
            var launchesBefore = fixture.Sandbox.RequestLog.Count(e => e.Operation == "RunInstances");
            var refused = await client.CallErrorAsync("create_ec2_instance", new { image = "al2023", count = 5, client_token = Guid.NewGuid().ToString("N") });

            Assert.Contains("would change 5 resources in one call; this server allows at most 2", refused, StringComparison.Ordinal);
            Assert.Equal(launchesBefore, fixture.Sandbox.RequestLog.Count(e => e.Operation == "RunInstances"));
        }
    }

    [Fact]
    public async Task With_the_audit_folder_unwritable_a_bucket_is_not_created()
    {
        using var blocked = new TemporaryFile();
        var (host, plugins) = await fixture.StartOwnHostAsync("no-audit", new Dictionary<string, string?> { ["AwsMcp:Audit:Path"] = blocked.Path });
        await using (host)
        using (plugins)
        await using (var client = await host.ConnectAsync("2025-06-18"))
        {
            var name = $"awsmcp-test-noaudit-{Guid.NewGuid():N}"[..40];
            var refused = await client.CallErrorAsync("create_s3_bucket", new { bucket_name = name });

            Assert.Contains("nothing was changed", refused, StringComparison.Ordinal);
            Assert.DoesNotContain(fixture.Sandbox.RequestLog, e => e.Path.Contains(name, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_change_is_recorded_before_and_after_and_the_chain_verifies()
    {
        var (host, plugins) = await fixture.StartOwnHostAsync("audited", new Dictionary<string, string?>());
        await using (host)
        using (plugins)
        {
            await using (var client = await host.ConnectAsync("2025-06-18"))
            {
                var name = $"awsmcp-test-audited-{Guid.NewGuid():N}"[..40];
                await client.CallJsonAsync("create_s3_bucket", new { bucket_name = name });
            }

            var lines = AuditLines(plugins, "audited").Where(line => line.Contains("\"tool\":\"create_s3_bucket\"", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, lines.Count);
            Assert.StartsWith("{\"kind\":\"intent\"", lines[0], StringComparison.Ordinal);
            Assert.StartsWith("{\"kind\":\"outcome\"", lines[1], StringComparison.Ordinal);
            Assert.Contains("CreateBucket", lines[1], StringComparison.Ordinal);
            var verification = AuditChainVerifier.Verify(plugins.AuditPathOf("audited"));
            Assert.True(verification.Intact, verification.Problem);
        }
    }

    private static IReadOnlyList<string> AuditLines(PluginFolder plugins, string host) =>
        [.. Directory.GetFiles(plugins.AuditPathOf(host), "*.jsonl").SelectMany(File.ReadAllLines)];

    private sealed class TemporaryFile : IDisposable
    {
        public string Path { get; } = System.IO.Path.GetTempFileName();

        public void Dispose() => File.Delete(Path);
    }
}
