using AwsMcp.Host.Cli;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Tests.Infrastructure;
using AwsMcp.Host.ToolCalls;
using AwsMcp.Host.ToolCalls.Audit;
using AwsMcp.Host.ToolCalls.Audit.JsonLines;

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
        var (exit, _, error) = await VerifyCommandAsync(segment);
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
            using (var sink = new ReplicaSink(new AuditOptions { Path = folder, MaxFileBytes = 4096 }))
            {
                for (var i = 0; i < 40; i++)
                {
                    await sink.WriteAsync(Record(i));
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

    [Fact]
    public async Task A_keyed_chain_finds_a_recomputed_chain_a_missing_first_segment_and_tells_a_torn_line_from_tampering()
    {
        using var folder = new ScratchFolder("awsmcp-audit-tests");
        var key = Enumerable.Range(0, 32).Select(i => (byte)(i * 3)).ToArray();
        var keyFile = folder.Combine("chain.key");
        File.WriteAllText(keyFile, Convert.ToBase64String(key));
        var audit = folder.Combine("audit");
        var options = new AuditOptions { Path = audit, MaxFileBytes = 4096, ChainKey = Convert.ToBase64String(key), ChainKeyId = "k1" };
        using (var sink = new ReplicaSink(options))
        {
            for (var i = 0; i < 40; i++)
            {
                await sink.WriteAsync(Record(i));
            }
        }

        Assert.Equal((true, 40), (AuditChainVerifier.Verify(audit, key, "k1").Intact, AuditChainVerifier.Verify(audit, key, "k1").Records));
        var (exit, output, _) = await VerifyCommandAsync(audit, "--key-file", keyFile, "--key-id", "k1");
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("under key 'k1'", output);
        Assert.Contains("signed with chain key 'k1'", AuditChainVerifier.Verify(audit).Problem);

        // An edit with every later hash recomputed: as plain SHA-256, or as HMAC under a key of the editor's own.
        using (var copy = new ScratchFolder("awsmcp-audit-tests"))
        {
            Rechain(audit, copy.Path, replica => new AuditChain(null, null, replica));
            Assert.True(AuditChainVerifier.Verify(copy.Path).Intact); // without the key, nothing can tell
            Assert.Contains("hashed with 'sha256'", AuditChainVerifier.Verify(copy.Path, key, "k1").Problem);
            Rechain(audit, copy.Path, replica => new AuditChain(new byte[32], "k1", replica));
            Assert.Contains("does not match its hash", AuditChainVerifier.Verify(copy.Path, key, "k1").Problem);
        }

        // A torn last line (a crash mid-write) is reported, not counted as tampering.
        var segments = AuditSegment.List(audit);
        File.AppendAllText(segments[^1].Path, """{"kind":"intent","time":"2026-""");
        var torn = AuditChainVerifier.Verify(audit, key, "k1");
        Assert.True(torn.Intact, torn.Problem);
        Assert.Single(torn.TornLines);
        (exit, _, var error) = await VerifyCommandAsync(audit, "--key-file", keyFile, "--key-id", "k1");
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("warning:", error);

        // The chain's first segment removed: the rest still chains, but a chain starts at segment 1.
        File.Delete(segments[0].Path);
        Assert.Contains("first segment(s) are missing", AuditChainVerifier.Verify(audit, key, "k1").Problem);
        Assert.Equal(ExitCodes.AuditBroken, (await VerifyCommandAsync(audit, "--key-file", keyFile, "--key-id", "k1")).Exit);
    }

    /// <summary>Copies an audit folder with record 5 edited and every line's chain fields recomputed under the chain <paramref name="chain"/> makes for its replica.</summary>
    private static void Rechain(string from, string to, Func<string?, AuditChain> chain)
    {
        var previous = AuditChain.Genesis;
        var sequence = 0L;
        foreach (var segment in AuditSegment.List(from))
        {
            using var writer = File.Create(Path.Combine(to, Path.GetFileName(segment.Path)));
            foreach (var line in File.ReadLines(segment.Path))
            {
                var body = line[..line.LastIndexOf(",\"replica\":", StringComparison.Ordinal)].Replace("record 5\"", "record five\"", StringComparison.Ordinal);
                var bytes = System.Text.Encoding.UTF8.GetBytes(body);
                (var tail, previous) = chain(segment.Replica).Link(bytes, ++sequence, previous);
                writer.Write(bytes);
                writer.Write(tail);
            }
        }
    }

    internal static AuditRecord Record(int i) => new(
        AuditRecordKind.Call, DateTimeOffset.UnixEpoch.AddSeconds(i), $"c{i}", ToolCallChannel.Mcp, "ops", "ops", "api-key", "echo", "Echo", "eu-west-1", null, [], 0,
        $$"""{"text":"record {{i}}"}""", true, "read-only", null, ToolCallOutcome.Succeeded, TimeSpan.FromMilliseconds(i), [], [], []);

    private static async Task<(int Exit, string Output, string Error)> VerifyCommandAsync(string path, params string[] options)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApplication.RunAsync(["audit", "verify", path, .. options], output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
