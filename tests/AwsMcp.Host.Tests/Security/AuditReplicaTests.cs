using System.Net.Http.Headers;
using System.Text;
using AwsMcp.Host.Cli;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Tests.Infrastructure;
using AwsMcp.Host.ToolCalls.Audit.JsonLines;

namespace AwsMcp.Host.Tests.Security;

/// <summary>
/// Several replicas over one audit folder (a shared volume): each writes, locks and continues its own chain, and the
/// real <c>audit verify</c> checks every chain on its own, naming the broken one and where.
/// </summary>
public sealed class AuditReplicaTests : IDisposable
{
    private readonly ScratchFolder _scratch = new("awsmcp-audit-replicas");

    private string Folder => _scratch.Combine("audit");

    [Fact(Timeout = 180_000)]
    public async Task Replicas_writing_at_once_into_one_folder_keep_their_own_chains_and_verify_finds_the_tampered_one()
    {
        string[] replicas = ["web-0", "web-1", "web-2"];
        var sinks = replicas.Select(r => new ReplicaSink(new AuditOptions { Path = Folder, ReplicaId = r, MaxFileBytes = 8192 })).ToList();
        try
        {
            // Ten waves of 30 concurrent callers per replica: three group-committing writers on one folder at once,
            // each wave at least one batch, so that every chain rotates.
            for (var wave = 0; wave < 10; wave++)
            {
                var first = wave * 30;
                await Task.WhenAll(sinks.SelectMany(sink => Enumerable.Range(first, 30).Select(i => Task.Run(() => sink.WriteAsync(AuditLogTests.Record(i)).AsTask()))));
            }
        }
        finally
        {
            sinks.ForEach(sink => sink.Dispose());
        }

        foreach (var replica in replicas)
        {
            var segments = AuditSegment.List(Folder).Where(s => s.Replica == replica).ToList();
            Assert.True(segments.Count >= 2, $"{replica}: expected rotation, got {segments.Count} segment(s)");
            Assert.Single(segments.Select(s => s.Chain).Distinct());
            Assert.All(segments, s => Assert.StartsWith(replica + ".", Path.GetFileName(s.Path), StringComparison.Ordinal));
            Assert.All(segments.SelectMany(s => File.ReadLines(s.Path)), line => Assert.Contains($",\"replica\":\"{replica}\",\"seq\":", line, StringComparison.Ordinal));
        }

        var (exit, output, error) = await VerifyAsync(Folder);
        Assert.True(exit == ExitCodes.Success, error);
        foreach (var replica in replicas)
        {
            Assert.Matches($@"replica {replica} \(chain {replica}\.\d{{8}}T\d{{6}}Z\): OK, 300 record\(s\) in \d+ file\(s\), 1970-01-01T00:00:00Z to 1970-01-01T00:04:59Z", output);
        }

        Assert.Contains("OK: 3 chain(s) of 3 replica(s), 900 record(s)", output, StringComparison.Ordinal);

        // One record of web-1's second segment edited: web-1 is broken there, the others still verify.
        var web1 = AuditSegment.List(Folder).Where(s => s.Replica == "web-1").ToList();
        var intactBefore = File.ReadAllLines(web1[0].Path).Length + 4;
        EditLine(web1[1].Path, 4, line => line.Replace("\"record ", "\"rekord ", StringComparison.Ordinal));
        (exit, output, error) = await VerifyAsync(Folder);
        Assert.Equal(ExitCodes.AuditBroken, exit);
        Assert.Contains($"replica web-1 (chain {web1[0].Chain}): BROKEN after {intactBefore} intact record(s)", error, StringComparison.Ordinal);
        Assert.Contains($"{web1[1].Path}:5: the record does not match its hash: it was edited", error, StringComparison.Ordinal);
        Assert.Contains("BROKEN: 1 of 3 chain(s): web-1", error, StringComparison.Ordinal);
        Assert.Contains("replica web-0 (chain web-0.", output, StringComparison.Ordinal);
        Assert.Contains("replica web-2 (chain web-2.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("web-1", output, StringComparison.Ordinal);

        // One replica on its own; a replica the folder does not hold is an error, not an empty success.
        (exit, output, _) = await VerifyAsync(Folder, "--replica", "web-2");
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("OK: 1 chain(s) of 1 replica(s), 300 record(s)", output, StringComparison.Ordinal);
        (exit, _, error) = await VerifyAsync(Folder, "--replica", "web-9");
        Assert.Equal(ExitCodes.InvalidConfiguration, exit);
        Assert.Contains("No chain of replica 'web-9'", error, StringComparison.Ordinal);
        Assert.Contains("it holds: web-0, web-1, web-2", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_segment_moved_into_another_replicas_chain_still_says_whose_it_is()
    {
        foreach (var replica in new[] { "a", "b" })
        {
            using var sink = new ReplicaSink(new AuditOptions { Path = Folder, ReplicaId = replica, MaxFileBytes = 4096 });
            for (var i = 0; i < 40; i++)
            {
                await sink.WriteAsync(AuditLogTests.Record(i));
            }
        }

        // a's last segment passed off as b's next one: its lines still chain (seq and prev fit nothing, but the replica is named first).
        var a = AuditSegment.List(Folder).Where(s => s.Replica == "a").ToList();
        var b = AuditSegment.List(Folder).Where(s => s.Replica == "b").ToList();
        var moved = Path.Combine(Folder, AuditSegment.FileName(b[0].Chain, b[^1].Sequence + 1));
        File.Move(a[^1].Path, moved);

        var verification = AuditChainVerifier.Verify(Folder);
        Assert.Equal(2, verification.Chains.Count);
        Assert.True(verification.Chains[0].Intact, verification.Chains[0].Problem); // a lost its tail: only an outside anchor (S3) tells
        Assert.Equal($"{moved}:1: the record belongs to replica 'a', not to replica 'b': it was moved from another chain", verification.Chains[1].Problem);
    }

    [Fact(Timeout = 180_000)]
    public async Task A_replica_killed_and_restarted_under_its_id_continues_its_chain_and_a_second_live_one_is_refused()
    {
        using var plugins = new PluginFolder().WithEcho();
        var environment = new Dictionary<string, string?> { ["AWSMCP__Audit__ReplicaId"] = "api-0" };
        var first = await HostProcess.StartHttpAsync(plugins, environment);
        try
        {
            await EchoAsync(first, "one");
            await EchoAsync(first, "two");

            // The same id while the first one lives: refused before it serves, named, exit code 2.
            var (exit, _, error) = await CliProcess.RunAsync(
                new Dictionary<string, string?>(environment) { ["AWSMCP__Audit__Path"] = plugins.AuditPath, ["AWSMCP__Plugins__ShadowCopyPath"] = plugins.ShadowPath + "-second" },
                "serve", "--urls", "http://127.0.0.1:0", "--plugins", plugins.Path);
            Assert.Equal(ExitCodes.InvalidConfiguration, exit);
            Assert.Contains("The audit chain of replica 'api-0'", error, StringComparison.Ordinal);
            Assert.Contains("another live process", error, StringComparison.Ordinal);
            await EchoAsync(first, "three");
        }
        finally
        {
            // Like an OOM kill: no shutdown; and a line torn mid-write, as a kill in the middle of a write leaves.
            await first.KillAsync();
            await first.DisposeAsync();
        }

        var segment = Assert.Single(AuditSegment.List(plugins.AuditPath));
        File.AppendAllText(segment.Path, """{"kind":"call","time":"2026-""");

        await using (var restarted = await HostProcess.StartHttpAsync(plugins, environment))
        {
            await EchoAsync(restarted, "four");
        }

        var segments = AuditSegment.List(plugins.AuditPath);
        Assert.Equal([1, 2], segments.Select(s => s.Sequence));
        Assert.All(segments, s => Assert.Equal(segment.Chain, s.Chain));
        var (verified, output, warnings) = await VerifyAsync(plugins.AuditPath);
        Assert.True(verified == ExitCodes.Success, warnings);
        Assert.Contains($"replica api-0 (chain {segment.Chain}): OK, 4 record(s) in 2 file(s)", output, StringComparison.Ordinal);
        Assert.Contains($"warning: {segment.Path}:4: an incomplete last line", warnings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_writer_with_a_configured_id_is_refused_and_with_a_defaulted_id_takes_the_next_lane()
    {
        using (var first = new ReplicaSink(new AuditOptions { Path = Folder, ReplicaId = "job" }))
        using (var second = new ReplicaSink(new AuditOptions { Path = Folder, ReplicaId = "JOB" }))
        {
            await first.WriteAsync(AuditLogTests.Record(0));
            var refused = await Assert.ThrowsAnyAsync<IOException>(() => second.WriteAsync(AuditLogTests.Record(1)).AsTask());
            Assert.Contains("The audit chain of replica 'job'", refused.Message, StringComparison.Ordinal);
            Assert.Contains("AwsMcp:Audit:ReplicaId", refused.Message, StringComparison.Ordinal);
            await first.WriteAsync(AuditLogTests.Record(2));
        }

        // Several desktop clients each start a server under the machine's name: each gets a chain of its own.
        var machine = new AuditOptions().Replica().Id;
        using (var a = new ReplicaSink(new AuditOptions { Path = Folder }))
        using (var b = new ReplicaSink(new AuditOptions { Path = Folder }))
        {
            await a.WriteAsync(AuditLogTests.Record(3));
            await b.WriteAsync(AuditLogTests.Record(4));
            Assert.StartsWith(machine + ".", Path.GetFileName(a.Sink.CurrentPath), StringComparison.Ordinal);
            Assert.StartsWith(machine + "_2.", Path.GetFileName(b.Sink.CurrentPath), StringComparison.Ordinal);
        }

        // Once the lane is free again, the next process continues the machine's chain.
        using (var c = new ReplicaSink(new AuditOptions { Path = Folder }))
        {
            await c.WriteAsync(AuditLogTests.Record(5));
            Assert.Equal(2, AuditSegment.From(c.Sink.CurrentPath!).Sequence);
        }

        var verification = AuditChainVerifier.Verify(Folder);
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(
            new[] { ("job", 2), (machine, 2), (machine + "_2", 1) }.OrderBy(c => c.Item1, StringComparer.Ordinal),
            verification.Chains.Select(c => (c.Replica!, c.Records)));
    }

    [Fact]
    public async Task A_new_chain_key_starts_a_new_chain_of_the_replica_each_verified_under_its_own_key()
    {
        var k1 = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var k2 = Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray();
        foreach (var (key, id, records) in new[] { (k1, "k1", 3), (k2, "k2", 2) })
        {
            using var sink = new ReplicaSink(new AuditOptions { Path = Folder, ReplicaId = "r", ChainKey = Convert.ToBase64String(key), ChainKeyId = id });
            for (var i = 0; i < records; i++)
            {
                await sink.WriteAsync(AuditLogTests.Record(i));
            }
        }

        var chains = AuditSegment.List(Folder).Select(s => s.Chain).Distinct().ToList();
        Assert.Equal(2, chains.Count);
        var underK2 = AuditChainVerifier.Verify(Folder, k2, "k2");
        Assert.Equal((2, true), (underK2.Chains[1].Records, underK2.Chains[1].Intact));
        Assert.Contains("'hmac-sha256:k1'", underK2.Chains[0].Problem, StringComparison.Ordinal);
        var underK1 = AuditChainVerifier.Verify(Folder, k1, "k1", replica: chains[0]);
        Assert.Equal((3, true), (Assert.Single(underK1.Chains).Records, underK1.Intact));
    }

    [Fact]
    public async Task A_segment_left_empty_by_a_crash_is_reused_so_the_chain_has_no_hole()
    {
        using (var sink = new ReplicaSink(new AuditOptions { Path = Folder, ReplicaId = "r" }))
        {
            await sink.WriteAsync(AuditLogTests.Record(0));
        }

        // Died right after creating its next segment, before writing to it.
        var first = Assert.Single(AuditSegment.List(Folder));
        File.Create(Path.Combine(Folder, AuditSegment.FileName(first.Chain, 2))).Dispose();
        using (var sink = new ReplicaSink(new AuditOptions { Path = Folder, ReplicaId = "r" }))
        {
            await sink.WriteAsync(AuditLogTests.Record(1));
        }

        Assert.Equal([1, 2], AuditSegment.List(Folder).Select(s => s.Sequence));
        var verification = AuditChainVerifier.Verify(Folder);
        Assert.Equal((true, 2), (verification.Intact, verification.Records));
    }

    [Fact]
    public void Chains_written_before_replica_ids_still_verify_next_to_the_new_ones()
    {
        // A run of the earlier layout: its own name, lines without "replica".
        Directory.CreateDirectory(Folder);
        var legacy = Path.Combine(Folder, "20261101T080000Z-a1b2c3.000001.jsonl");
        var chain = new AuditChain(null, null);
        var previous = AuditChain.Genesis;
        using (var file = File.Create(legacy))
        {
            for (var i = 1; i <= 3; i++)
            {
                var body = Encoding.UTF8.GetBytes($"{{\"kind\":\"call\",\"time\":\"2026-11-01T08:00:0{i}.0000000Z\",\"correlationId\":\"c{i}\",\"tool\":\"echo\"");
                (var tail, previous) = chain.Link(body, i, previous);
                file.Write(body);
                file.Write(tail);
            }
        }

        var verification = AuditChainVerifier.Verify(Folder);
        var report = Assert.Single(verification.Chains);
        Assert.Equal(("20261101T080000Z-a1b2c3", null, 3, true), (report.Chain, report.Replica, report.Records, report.Intact));
        Assert.Equal("20261101T080000Z-a1b2c3/000001-000000000000.jsonl", AuditSegment.From(legacy).ShippedName(0)); // the key it always had
    }

    [Fact]
    public void A_replica_id_that_cannot_name_a_file_is_refused_at_start_and_named()
    {
        var validator = new ValidatableOptionsValidator<AuditOptions>();
        Assert.Contains(
            "ReplicaId 'web 0/..' (from AwsMcp:Audit:ReplicaId) must be 1 to 100 letters",
            Assert.Single(validator.Validate(null, new AuditOptions { ReplicaId = "web 0/.." }).Failures!),
            StringComparison.Ordinal);
        Assert.True(validator.Validate(null, new AuditOptions { ReplicaId = "Web-0.eu_west" }).Succeeded);
        Assert.Equal("web-0.eu_west", new AuditOptions { ReplicaId = "Web-0.eu_west" }.Replica().Id);
    }

    public void Dispose() => _scratch.Dispose();

    internal static Task<(int Exit, string Output, string Error)> VerifyAsync(string path, params string[] options) =>
        CliProcess.RunAsync(new Dictionary<string, string?> { ["AWSMCP__Audit__ChainKey"] = null }, ["audit", "verify", path, .. options]);

    private static void EditLine(string path, int index, Func<string, string> edit)
    {
        var lines = File.ReadAllText(path).Split('\n');
        lines[index] = edit(lines[index]);
        File.WriteAllText(path, string.Join('\n', lines));
    }

    private static async Task EchoAsync(HostProcess host, string text)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var body = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"text":"TEXT"}}}""".Replace("TEXT", text, StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await http.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode && answer.Contains(text, StringComparison.Ordinal) && !answer.Contains("\"isError\":true", StringComparison.Ordinal), answer);
    }
}

/// <summary>The replica id a pod gets without configuration: its name, from the environment.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class AuditReplicaDefaultTests
{
    [Fact]
    public void The_pod_name_then_the_host_name_name_the_replica_and_a_bad_one_is_named_with_its_source()
    {
        using (new EnvironmentScope(("POD_NAME", "awsmcp-7d9f-x2k4q"), ("HOSTNAME", "ignored")))
        {
            Assert.Equal("awsmcp-7d9f-x2k4q", new AuditOptions().Replica().Id);
            Assert.Equal("pinned", new AuditOptions { ReplicaId = "pinned" }.Replica().Id);
        }

        using (new EnvironmentScope(("POD_NAME", null), ("HOSTNAME", "Worker-3.internal")))
        {
            Assert.Equal("worker-3.internal", new AuditOptions().Replica().Id);
        }

        using (new EnvironmentScope(("POD_NAME", "pod name with spaces")))
        {
            var failure = Assert.Single(new ValidatableOptionsValidator<AuditOptions>().Validate(null, new AuditOptions()).Failures!);
            Assert.Contains("ReplicaId 'pod name with spaces' (from the POD_NAME environment variable)", failure, StringComparison.Ordinal);
        }
    }
}
