using AwsMcp.Host.Tests.Infrastructure;
using AwsMcp.Host.Tests.Security;
using AwsMcp.Host.ToolCalls.Audit;
using AwsMcp.Host.ToolCalls.Audit.JsonLines;

namespace AwsMcp.Host.Tests.CallPipeline;

/// <summary>
/// Nothing changes without a durable record: a change's intent is on disk before its tool runs, or the call is
/// refused; every call is answered only once its record is on disk; concurrent records share one fsync per batch and
/// still chain, each intent followed by its outcome.
/// </summary>
public sealed class WriteAheadAuditTests
{
    [Fact(Timeout = 180_000)]
    public async Task When_the_audit_folder_cannot_be_written_a_change_is_refused_and_a_read_is_withheld()
    {
        using var plugins = new PluginFolder().WithEcho();
        var blocked = Path.Combine(plugins.AuditPath, "not-a-folder");
        Directory.CreateDirectory(plugins.AuditPath);
        await File.WriteAllTextAsync(blocked, "a file where the audit folder should be");
        await using var server = await InProcessServer.StartAsync(plugins, new Dictionary<string, string?>
        {
            ["AwsMcp:Tools:WritesEnabled"] = "true",
            ["AwsMcp:Audit:Path"] = blocked,
        });

        var change = await server.CallAsync("tag_thing", """{"thing_id":"t-1"}""");
        var read = await server.CallAsync("echo", """{"text":"hi"}""");

        Assert.True(change.IsError);
        Assert.Contains("nothing was changed", change.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("tagged", change.Text, StringComparison.Ordinal);
        Assert.True(read.IsError);
        Assert.Contains("withheld", read.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Audit.Records, r => r.Kind == AuditRecordKind.Outcome);
        var readiness = server.Service<AwsMcp.Host.Hosting.BackgroundHealth>().Components[AuditJournal.Component];
        Assert.False(readiness.Healthy);
        Assert.Contains("cannot be written", readiness.Detail, StringComparison.Ordinal);
    }

    [Fact(Timeout = 180_000)]
    public async Task Concurrent_changes_are_each_recorded_before_and_after_and_the_chain_verifies()
    {
        using var plugins = new PluginFolder().WithEcho();
        await using (var server = await InProcessServer.StartAsync(plugins, new Dictionary<string, string?> { ["AwsMcp:Tools:WritesEnabled"] = "true" }))
        {
            var calls = Enumerable.Range(0, 200).Select(i => server.CallAsync(i % 2 == 0 ? "tag_thing" : "echo", i % 2 == 0 ? $$"""{"thing_id":"t-{{i}}"}""" : """{"text":"x"}""").AsTask());
            var results = await Task.WhenAll(calls);
            Assert.All(results, r => Assert.False(r.IsError, r.Text));
        }

        var verification = AuditChainVerifier.Verify(plugins.AuditPath);
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(100 * 2 + 100, verification.Records);
        Assert.Empty(verification.OpenIntents);
        Assert.Empty(verification.TornLines);
    }
}
