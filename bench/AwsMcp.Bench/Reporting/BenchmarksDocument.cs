using System.Globalization;
using System.Net;
using System.Text;
using AwsMcp.Bench.Harness;
using AwsMcp.Bench.Load;
using BenchmarkDotNet.Reports;

namespace AwsMcp.Bench.Reporting;

/// <summary>Writes docs/benchmarks.md from one run: BenchmarkDotNet's summaries and the process harness's rows.</summary>
internal static class BenchmarksDocument
{
    public static string Markdown(LoadReport load, IEnumerable<Summary> summaries, IReadOnlyList<HarnessRow> harness, string command)
    {
        var text = new StringBuilder();
        text.AppendLine("# Benchmarks");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Written by `{command}`; rerun it rather than editing this file. The code is in `bench/AwsMcp.Bench`.");
        text.AppendLine();
        foreach (var line in MachineInfo.Describe())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
        }

        text.AppendLine();
        text.AppendLine("The machine is shared: other builds may have run at the same time (see the load average), so read the");
        text.AppendLine("figures as orders of magnitude and compare rows of one run, not runs of different days.");
        text.AppendLine();
        text.Append(LoadSection(load));
        text.AppendLine("## Per call (BenchmarkDotNet)");
        text.AppendLine();
        text.AppendLine("Short job (1 launch, 3 warm-up and 8 measured iterations, in process). The tool is `echo` (no AWS work).");
        text.AppendLine("`Per second` is 1 s / mean: calls per second for call rows, creations per second for the `create tool` rows.");
        text.AppendLine();
        text.AppendLine("| Benchmark | Clients | Mean | Median | Std dev | Allocated | Per second |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var report in summaries.SelectMany(summary => summary.Reports))
        {
            var name = WebUtility.HtmlDecode(report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo).Trim('\'');
            var clients = report.BenchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Clients")?.Value?.ToString() ?? "1";
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
            var row = report.ResultStatistics is { } stats
                ? $"| {name} | {clients} | {Time(stats.Mean)} | {Time(stats.Median)} | {Time(stats.StandardDeviation)} | {Kilobytes(allocated)} | {PerSecond(stats.Mean)} |"
                : $"| {name} | {clients} | failed | | | | |";
            text.AppendLine(row);
        }

        text.AppendLine();
        text.AppendLine("## Process level (Stopwatch harness)");
        text.AppendLine();
        text.AppendLine("| Measure | Value | How |");
        text.AppendLine("|---|---:|---|");
        foreach (var row in harness)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Measure} | {row.Value} | {row.HowMeasured} |");
        }

        text.AppendLine();
        text.AppendLine("## What is measured");
        text.AppendLine();
        text.AppendLine("- **Full pipeline**: telemetry, audit (each record appended to the hash-chained JSON-lines file and fsynced");
        text.AppendLine("  before the call returns, one writer at a time; also passed to the log sink, whose console output is removed");
        text.AppendLine("  so that it is not measured), output redaction, policy, JSON-schema argument validation, confirmation, output");
        text.AppendLine("  size guard, execution. The `audit file off` row shows what the fsync costs. The per-caller rate limit is off:");
        text.AppendLine("  it would refuse a benchmark's call rate. The audit folder is on the machine's temporary file system.");
        text.AppendLine("- **In process**: the SDK's `McpClient` over ASP.NET Core's TestServer (the whole HTTP pipeline, no sockets).");
        text.AppendLine("  **Loopback**: Kestrel on 127.0.0.1 and a real `HttpClient`. Both stateless Streamable HTTP, protocol 2025-11-25.");
        text.AppendLine("- **SDK reflection vs generated descriptor**: the same method carries `[McpServerTool]` (bound by the SDK's");
        text.AppendLine("  `WithTools<T>()` at start-up) and `[Tool]` (turned into a descriptor by our generator at build time).");
        text.AppendLine("  `create tool` is the start-up cost per tool; the call rows compare a bare SDK server with our host,");
        text.AppendLine("  so the difference includes our whole pipeline.");
        text.AppendLine("- **Throughput**: 1, 8 or 64 MCP clients, each its own connection, share a batch of 512 calls over loopback.");
        text.AppendLine("  Each client issues its next call from the previous call's continuation, whereas the single-call rows are");
        text.AppendLine("  awaited one by one by BenchmarkDotNet; on 2 cores the one-client row comes out slower per call than the");
        text.AppendLine("  single-call loopback row, so compare throughput rows with each other.");
        text.AppendLine("- **Cold start**: the real `dotnet awsmcp.dll serve` process with the tool packs that were built, until the");
        text.AppendLine("  first `tools/list` answered over HTTP. **50 plugins / 1,000 tools**: generated C# compiled by the real");
        text.AppendLine("  generator into 50 plugin folders, loaded by the host's plugin loader (own load context, shadow copy,");
        text.AppendLine("  descriptor and schema validation).");
        text.AppendLine("- **Beside a bare MCP SDK server** (the rows naming it): `AwsMcp.Bench serve-bare` lists our tools and");
        text.AppendLine("  answers `describe_instances_direct` with the same AWS client; both are fresh processes, the AWS sandbox runs in");
        text.AppendLine("  the harness (out of both), except in the `sandbox in process` rows (`serve --sandbox`).");
        text.AppendLine();
        text.AppendLine("## Runtime settings behind these figures");
        text.AppendLine();
        text.AppendLine("- Workstation GC, blocking (`Directory.Build.props`, `src/AwsMcp.Host/AwsMcp.Host.csproj`): after a load, 35 MiB");
        text.AppendLine("  less than server GC for 4.5% fewer requests/s; `DOTNET_gcServer=1` restores server GC. Not concurrent: idle RSS");
        text.AppendLine("  measured the same (133 MiB both ways), and a test host stalled for good with a foreground GC waiting on the");
        text.AppendLine("  background GC while a plugin's load context loaded an assembly (full dump, 2026-12-06).");
        text.AppendLine("- No dynamic PGO (`TieredPGO` false): its instrumented tier compiles every hot method once more; measured 20–30%");
        text.AppendLine("  off first calls and 7 MiB less after a load. Tried and not taken, each changing idle RSS by under 2 MiB:");
        text.AppendLine("  `DOTNET_GCgen0size=0x400000` (−10 MiB after load), `GCConserveMemory`, `DOTNET_EnableWriteXorExecute=0`");
        text.AppendLine("  (JIT code moves from the double mapping to anonymous memory, same total).");
        text.AppendLine("- Idle is 8 s after the first tools/list, for both servers: by then our start-up work (warming the packs, the");
        text.AppendLine("  banner's identity lookup, handing start-up's scratch memory back) is over; 2 s after is reported as well.");
        text.AppendLine("- Where idle memory went before the changes below dated 18:00–19:15 UTC (`/proc/<pid>/smaps`, sandbox out of process, 8 s after the first tools/list,");
        text.AppendLine("  2026-12-06 15:30 UTC): ours 107 MiB = framework DLL and native library pages 56, JIT code, stubs and type data");
        text.AppendLine("  (the runtime's double-mapped memory) 20, host and SDK DLLs 17, GC and native heaps 14, pack DLLs 1; the bare");
        text.AppendLine("  server 83 MiB = 46, 13, 13, 11, 0. The difference is code the bare server has not run by then: what any AWS");
        text.AppendLine("  call loads (OpenSSL 3.7 MiB, XML 2.2, the HTTP client 1.4, the SDK's EC2, S3 and STS paths), our pipeline and");
        text.AppendLine("  plugin loading. The same bare server 8 s after one AWS call holds more than ours (the row above).");
        text.AppendLine("- The JIT keeps up to 16 MiB of compile scratch for reuse and frees a block only on the finalizer thread's second");
        text.AppendLine("  pass at least 2 s after its last use; a server waiting for requests makes no passes, so it held 8–10 MiB of");
        text.AppendLine("  start-up's for good, and glibc keeps what many threads freed in their arenas. After warm-up, and again each");
        text.AppendLine("  time the server has been quiet for 5 s after answering, `Hosting/Startup/IdleMemoryRelease` makes three passes");
        text.AppendLine("  2.1 s apart and has glibc return the freed pages (`malloc_trim`): idle 125 → 115 MiB (probe, 8 s after the first");
        text.AppendLine("  tools/list); 20 s after 1,920 calls from 32 clients 136 → 127 MiB. The runtime's own knob for the JIT's cache,");
        text.AppendLine("  `DOTNET_JitHostMaxSlabCache`, is read only from the environment.");
        text.AppendLine("- The redaction rules are hand-written linear scans instead of patterns on the non-backtracking regex engine,");
        text.AppendLine("  whose automata held 3.5–7 MiB of caches for the life of the process: idle −5 MiB. Compared with the same");
        text.AppendLine("  patterns on the backtracking engine over 1.2 million generated texts, they give the same output; the");
        text.AppendLine("  non-backtracking engine itself missed a header in one of them (now a test).");
        text.AppendLine("- The OpenTelemetry SDK loads only when export is configured, and the plugin loader reads assembly names, module");
        text.AppendLine("  version ids and references itself (`Plugins/AssemblyMetadata`) rather than through System.Reflection.Metadata:");
        text.AppendLine("  about −1 MiB together. Tried and not taken: `RuntimeFeature.IsDynamicCodeSupported=false` (the AWS SDK compiles");
        text.AppendLine("  its partition patterns to IL): −1 MiB, first calls 10–30 ms slower.");
        text.AppendLine("- ReadyToRun for the host in the container image (`Dockerfile`): start to the first tools/list 839 → 662 ms");
        text.AppendLine("  with the four packs; ReadyToRun packs measured no faster (their start is loading the AWS SDK) and 9 MiB more");
        text.AppendLine("  idle (larger images touched, the same JIT code after tiering). Re-measured with 41 tools (2026-12-06): no gain");
        text.AppendLine("  left, 1,047–1,263 ms ReadyToRun vs 1,077–1,102 ms plain, first calls the same. The rows above run the plain build.");
        text.AppendLine("- Packs loaded at start load for good, watched or not; only a version loaded later while the plugin folder is");
        text.AppendLine("  watched (hot reload) is collectible, and unloads when replaced. Bench runs before and after making unwatched");
        text.AppendLine("  packs non-collectible (10:58 and 11:41 UTC, 2026-12-06): first calls STS/S3/EC2/Lambda/Budgets 69/261/145/87/94");
        text.AppendLine("  → 74/117/79/42/35 ms, cold start 2.18× → 1.50× the bare server, idle 148.1 → 141.4 MiB. The same for watched");
        text.AppendLine("  start-up packs (probe, 8 s after the first tools/list, 2026-12-06 18:00 UTC): idle 105 → 101 MiB, first");
        text.AppendLine("  Lambda/Budgets calls 62/45 → 40/20 ms; a replaced start-up pack stops serving and keeps its code until restart.");
        text.AppendLine("  Collectible code also crashed a test host under repeated unloads (see `Plugins/PluginFolderLoader`).");
        text.AppendLine("- The plugin folder watcher reads into its buffer pinned for as long as it waits: the default 8 KiB buffer was a");
        text.AppendLine("  small object and kept a 3 MB region of start-up garbage resident; 96 KiB puts it on the large object heap");
        text.AppendLine("  (`Plugins/PluginFolderWatcher`): watched idle 101 → 97–98 MiB (probe).");
        text.AppendLine("- The stateless handshake (`initialize`, notifications) is answered in front of the SDK, as the SDK answers it");
        text.AppendLine("  (`Mcp/Http/HandshakeAnswers`): for each stateless request the SDK builds a server with the JSON metadata of");
        text.AppendLine("  every request type it handles, about 1,100 methods compiled at the first `initialize`. Probe with an MCP");
        text.AppendLine("  client's handshake (initialize, initialized, tools/list; 8 s after): idle 100–101 → 97–98 MiB.");
        text.AppendLine("- The HTTP host is built by `WebApplication.CreateSlimBuilder` (`Hosting/HostFactory`): no IIS integration,");
        text.AppendLine("  HTTP/3 (QUIC), default host filtering or debug and event-source log providers, none of which this server uses;");
        text.AppendLine("  Kestrel certificates still work. Lean run (19:11 UTC): idle 97.4 → 96.1 MiB beside the same bare server.");
        text.AppendLine("- Without authentication configured (loopback), the authentication and authorization stacks are not registered");
        text.AppendLine("  at all (`Security/HttpSecurity`): idle about −0.5 MiB (probe).");
        text.AppendLine("- A pack loads the dependencies it ships exactly as the host has them (AWSSDK.*, AwsMcp.Aws: same module");
        text.AppendLine("  version id) from the host, so the SDK is loaded, compiled and warmed once rather than once per pack");
        text.AppendLine("  (`Plugins/SharedDependencies`); a pack's context then holds its own code only, and a collectible one is");
        text.AppendLine("  still collected after it made AWS calls (`PackUnloadTests`). Probe runs (2026-12-06, 3 s after start, serve");
        text.AppendLine("  against an out-of-process sandbox): idle 145 → 129 MiB watched, 138 → 130 MiB not watched; watched first calls");
        text.AppendLine("  S3/EC2 284/159 → 125/111 ms.");
        text.AppendLine("- Packs load through the runtime's `AssemblyDependencyResolver` in a small context of our own");
        text.AppendLine("  (`Plugins/PackLoadContext`) instead of McMaster.NETCore.Plugins, whose loader read each runtimeconfig.json");
        text.AppendLine("  with reflection-based JSON, listed the process's modules twice per pack and loaded shared assemblies eagerly:");
        text.AppendLine("  \"Now listening\" 1,050 → 815 ms with the four packs (740 ms with none; the bare server 700 ms), idle −9 MiB.");
        text.AppendLine("- Warm-up compiles the two largest pieces of SDK code a first S3 or EC2 call meets, S3's endpoint rules and EC2's");
        text.AppendLine("  instance-type constants (about 100 KB of machine code each), without building a client or sending anything");
        text.AppendLine("  (`AwsMcp.Aws/Clients/OfflineSdkWarmUp`). It used to send a request through each client to a canned answer held");
        text.AppendLine("  in memory: first S3/EC2 calls 27–30 ms, but the two clients' types, marshallers and unmarshallers stayed loaded,");
        text.AppendLine("  4–5 MiB of every idle server. Probe, 8 s after the first tools/list, packs not collectible (2026-12-06 18:00");
        text.AppendLine("  UTC): canned answers 101–103 MiB, S3/EC2 first calls 27–29/32–33 ms; the two pieces only 97 MiB, 53–59/48–54 ms");
        text.AppendLine("  (probe times include curl); nothing at all 95–96 MiB, 100–108/79–85 ms. The next two largest methods (S3's");
        text.AppendLine("  endpoint parameters, EC2's instance unmarshaller) are compiled without running: bench first S3/EC2 calls");
        text.AppendLine("  89/76 → 51/66 ms (18:58 and 19:05 UTC runs), idle the same within half a MiB.");
        text.AppendLine("- Warm-up, the call path (`CallPathWarmUp`) and the banner's identity lookup start once the first");
        text.AppendLine("  client's handshake is over (200 ms without an answer after the first one; at most 3 s after listening; 1 s when");
        text.AppendLine("  nobody connects): started at the first answer, they had made `notifications/initialized` 10 → 260 ms and the");
        text.AppendLine("  first tools/list 25 → 1,000 ms on two cores. Then one compacting collection returns start-up garbage to the");
        text.AppendLine("  system (`IdleMemoryRelease`): idle −4.5 MiB.");
        text.AppendLine("- Minimal-API handlers with injected parameters are compiled from expression trees when routes are first built;");
        text.AppendLine("  the health and prototype endpoints are plain request delegates, so the first request does not pay for that.");
        text.AppendLine("- Nothing at start that nobody needs: options are bound by the configuration binding generator (no reflection");
        text.AppendLine("  binder, no type converters), the data-protection key ring is not loaded (no cookie schemes), StackExchange.Redis");
        text.AppendLine("  loads only when Redis is configured: \"Now listening\" 808–821 → 746–778 ms (the bare server 745–863 ms in the");
        text.AppendLine("  same runs), idle 127 → 120–122 MiB.");
        text.AppendLine("- Before the JIT-scratch release, the redaction scans and the metadata reader (2 s after the first");
        text.AppendLine("  tools/list): the host alone, no packs, \"Now listening\" in 500 ms, 98–101 MiB idle; the four packs with no");
        text.AppendLine("  warm-up at all, 108 MiB idle but first calls 100–140 ms. Tried and not kept: compacting the large-object heap");
        text.AppendLine("  too, `DOTNET_GCgen0size=0x200000`, `DOTNET_GCConserveMemory=9` (each within 1 MiB).");
        text.AppendLine();
        text.AppendLine("Before this work (issue \"Lean by default\", measured from outside on the previous main): idle 137 MB,");
        text.AppendLine("293 MB after a load; cold start 1.81 s vs 0.88 s for the bare SDK server (2.05×) on a loaded box; first");
        text.AppendLine("call into each AWS service 0.9–1.5 s; tools/list 81 KB; a 200-instance page +25% from escaped quotes.");
        return text.ToString();
    }

    /// <summary>
    /// The side-by-side table: requests per second at 8 and 64 connections, each of our rows also as a ratio to the
    /// first reference row of its scenario (and tools/list to bare Kestrel), with the targets of issue "One canonical
    /// tool call".
    /// </summary>
    public static string LoadSection(LoadReport load)
    {
        var text = new StringBuilder();
        text.AppendLine("## Side by side under load (load harness)");
        text.AppendLine();
        text.AppendLine("Every server on loopback Kestrel in this one process, under the same closed-loop load (a fixed number of");
        text.AppendLine("requests over 8 or 64 connections, each sending its share one after another, like `hey -n N -c C`), three");
        text.AppendLine("interleaved rounds, medians. The load generator shares the two cores, so every row pays it alike: compare");
        text.AppendLine(CultureInfo.InvariantCulture, $"ratios, not absolute figures. The tools/list answer is {load.ToolsListBytes:N0} bytes (SSE-framed).");
        text.AppendLine();
        text.AppendLine("| Scenario | Server | req/s, 8 clients | req/s, 64 clients | ratio to the reference, 8 / 64 | target |");
        text.AppendLine("|---|---|---:|---:|---:|---|");
        foreach (var group in load.Rows.GroupBy(row => row.Scenario))
        {
            var reference = group.First(row => row.Reference);
            foreach (var row in group)
            {
                var ratio = row.Reference && row != reference ? string.Empty
                    : row == reference ? "reference"
                    : string.Create(CultureInfo.InvariantCulture, $"{row.RequestsPerSecond[8] / reference.RequestsPerSecond[8]:0.00} / {row.RequestsPerSecond[64] / reference.RequestsPerSecond[64]:0.00}");
                var target = (row.Reference, group.Key) switch
                {
                    (true, _) => string.Empty,
                    (false, "tools/list") => "≥ 0.5× bare Kestrel",
                    (false, "echo") when row.Server.Contains("durable", StringComparison.Ordinal) => "≥ 0.7× bare SDK",
                    (false, "echo") => string.Empty,
                    _ => "≥ 0.8× the same AWS call",
                };
                text.AppendLine(CultureInfo.InvariantCulture, $"| {group.Key} | {row.Server} | {row.RequestsPerSecond[8]:N0} | {row.RequestsPerSecond[64]:N0} | {ratio} | {target} |");
            }
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Redacting one 800 KB token-like argument (`\"eyJ-eyJ-…\"`): {load.RedactionMilliseconds:0.0} ms (median of five; target under 50 ms).");
        text.AppendLine();
        return text.ToString();
    }

    private static string Time(double nanoseconds) =>
        nanoseconds >= 1_000_000
            ? string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1_000_000:0.00} ms")
            : string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1_000:0.0} µs");

    private static string Kilobytes(long? bytes) =>
        bytes is { } value ? string.Create(CultureInfo.InvariantCulture, $"{value / 1024.0:0.0} KB") : "";

    private static string PerSecond(double nanoseconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{1_000_000_000 / nanoseconds:N0}");
}
