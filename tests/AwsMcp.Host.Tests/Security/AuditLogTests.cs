using AwsMcp.Host.Cli;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Tests.Infrastructure;
using AwsMcp.Host.ToolCalls;
using AwsMcp.Host.ToolCalls.Audit;
using AwsMcp.Host.ToolCalls.Audit.JsonLines;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Tests.Security;

/// <summary>The JSON-lines audit: one chained line per call, refusals included; tampering is found by API and CLI.</summary>
public sealed class AuditLogTests
{
    [Fact]
    public async Task Every_call_and_refusal_is_a_chained_line_and_an_edited_line_is_detected()
    {
        using var plugins = new PluginFolder().WithEcho();
        await using (var server = await InProcessServer.StartAsync(plugins))
        {
            await server.CallAsync("echo", """{"text":"first"}""");
            await server.CallAsync("tag_thing", """{"thing_id":"t-1"}""");
            await server.CallAsync("echo", """{"text":"third"}""");
        }

        var segment = Assert.Single(Directory.GetFiles(plugins.AuditPath, "*.jsonl"));
        var lines = File.ReadAllLines(segment);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"tool\":\"tag_thing\"", lines[1]);
        Assert.Contains("\"outcome\":\"Refused\"", lines[1]);
        Assert.Contains("\"policyRule\":\"writes-disabled\"", lines[1]);
        Assert.Equal((true, 3), (AuditChainVerifier.Verify(plugins.AuditPath).Intact, AuditChainVerifier.Verify(plugins.AuditPath).Records));
        Assert.Equal(ExitCodes.Success, (await VerifyCommandAsync(plugins.AuditPath)).Exit);

        lines[1] = lines[1].Replace("t-1", "t-2", StringComparison.Ordinal);
        File.WriteAllLines(segment, lines);

        var broken = AuditChainVerifier.Verify(plugins.AuditPath);
        var (exit, error) = await VerifyCommandAsync(segment);
        Assert.Equal($"{segment}:2: the record does not match its hash: it was edited", broken.Problem);
        Assert.Equal(ExitCodes.AuditBroken, exit);
        Assert.Contains($"{segment}:2:", error);
    }

    [Fact]
    public async Task The_chain_continues_across_rotated_segments_and_a_removed_line_is_detected()
    {
        var folder = Path.Combine(Path.GetTempPath(), "awsmcp-audit-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using (var sink = new JsonLinesAuditSink(Options.Create(new AuditOptions { Path = folder, MaxFileBytes = 4096 }), TimeProvider.System))
            {
                for (var i = 0; i < 40; i++)
                {
                    await sink.WriteAsync(Record(i), CancellationToken.None);
                }
            }

            var segments = AuditSegment.List(folder);
            Assert.True(segments.Count >= 3, $"expected rotation, got {segments.Count} segment(s)");
            Assert.Equal((true, 40), (AuditChainVerifier.Verify(folder).Intact, AuditChainVerifier.Verify(folder).Records));

            var second = segments[1].Path;
            File.WriteAllLines(second, File.ReadAllLines(second).Skip(1));

            Assert.Equal($"{second}:1: the record does not follow the previous one: a record was removed, inserted or reordered", AuditChainVerifier.Verify(folder).Problem);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static AuditRecord Record(int i) => new(
        AuditRecordKind.Call, DateTimeOffset.UnixEpoch.AddSeconds(i), $"c{i}", ToolCallChannel.Mcp, "ops", "ops", "api-key", "echo", "Echo", "eu-west-1", null, [], 0,
        $$"""{"text":"record {{i}}"}""", true, "read-only", null, ToolCallOutcome.Succeeded, TimeSpan.FromMilliseconds(i), [], [], []);

    private static async Task<(int Exit, string Error)> VerifyCommandAsync(string path)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApplication.RunAsync(["audit", "verify", path], output, error);
        return (exit, error.ToString());
    }
}
