using System.Diagnostics;
using AwsMcp.Bench.Benchmarks;
using AwsMcp.Bench.Infrastructure;

using static AwsMcp.Bench.Harness.HarnessFigures;

namespace AwsMcp.Bench.Harness;

/// <summary>
/// The figures BenchmarkDotNet measures poorly because they are about a whole process: start-up, resident memory,
/// loading many plugins. Every start-up figure comes from a fresh process; the median of a few runs is reported.
/// </summary>
internal static class ProcessHarness
{
    private const int StartupRuns = 5;
    private const int ColdStartRuns = 3;
    private const int PluginLoadRuns = 3;
    private const int MemoryCalls = 10_000;
    private const int MemoryClients = 8;
    private const int GeneratedPlugins = 50;
    private const int ToolsPerGeneratedPlugin = 20;

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromMinutes(2);

    public static async Task<IReadOnlyList<HarnessRow>> RunAsync()
    {
        var rows = new List<HarnessRow>();
        rows.AddRange(await ToolStyleStartupAsync());
        rows.AddRange(await RealToolPacksAsync());
        rows.AddRange(await ManyPluginsAsync());
        rows.AddRange(await LeanComparison.RunAsync());
        return rows;
    }

    private static async Task<IEnumerable<HarnessRow>> ToolStyleStartupAsync()
    {
        var rows = new List<HarnessRow>();
        foreach (var style in new[] { StartupProbe.SdkReflection, StartupProbe.GeneratedDescriptor })
        {
            var runs = await ProbeManyAsync(StartupRuns, ["probe", "startup", style]);
            rows.Add(new HarnessRow(
                $"start-up to first tools/list, echo tool built by {style}",
                Milliseconds(Median(runs.Select(r => r["first_tools_list_ms"]))),
                $"fresh process, in-process server, median of {StartupRuns}; {(style == StartupProbe.SdkReflection ? "bare SDK server with WithTools<T>()" : "our full host (pipeline, options, plugin catalog) with the generated descriptor")}"));
        }

        return rows;
    }

    private static async Task<IEnumerable<HarnessRow>> RealToolPacksAsync()
    {
        var built = BenchPaths.BuiltToolPacks;
        if (built.Count == 0)
        {
            return [new HarnessRow("cold start with the four tool packs", "not measured", "no tool pack was built (plugins/*/bin/Release)")];
        }

        var packs = string.Join(", ", built.Select(pack => pack.Name));
        using var http = new HttpClient();
        var coldStarts = new List<double>();
        var tools = 0;
        (int Wire, int ModelFacing) listed = default;

        // One unmeasured start warms the disk cache and this process's MCP client code.
        for (var run = 0; run <= ColdStartRuns; run++)
        {
            using var plugins = new PluginFolder().WithPacks(built);
            await using var server = await ServeProcess.StartAsync(plugins, http);
            tools = server.Tools;
            listed = await ToolListBytesAsync(http, server.Endpoint);
            if (run > 0)
            {
                coldStarts.Add(server.ColdStart.TotalMilliseconds);
            }
        }

        using var withEcho = new PluginFolder().WithPacks(built).WithEcho();
        await using var measured = await ServeProcess.StartAsync(withEcho, http);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var idle = measured.ResidentBytes();
        var callsTook = await CallEchoAsync(http, measured.Endpoint);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var afterCalls = measured.ResidentBytes();

        return
        [
            new HarnessRow($"cold start to first successful tools/list ({built.Count} packs: {packs}; {tools} tools)", Milliseconds(Median(coldStarts)), $"`dotnet awsmcp.dll serve` process start to tools/list answered over loopback HTTP, median of {ColdStartRuns}"),
            new HarnessRow($"tools/list on the wire ({tools} tools, default settings)", Kilobytes(listed.Wire), $"the whole JSON-RPC answer, {listed.Wire / tools:N0} B per tool; budget 25 KB for the 28 tools before the fleet tools, 914 B per tool on average for all (tests/AwsMcp.Host.Tests/Lean)"),
            new HarnessRow("tools/list into a model's context", Kilobytes(listed.ModelFacing), $"names, descriptions and input schemas (compact JSON, UTF-8), {listed.ModelFacing / tools:N0} B per tool; budget 12 KB for those 28, 438 B per tool on average"),
            new HarnessRow("resident memory, idle", Megabytes(idle), "VmRSS 2 s after the first tools/list (the packs above + Echo)"),
            new HarnessRow($"resident memory after {MemoryCalls:N0} tools/call", Megabytes(afterCalls), $"VmRSS 2 s after {MemoryCalls:N0} echo calls from {MemoryClients} concurrent clients (took {callsTook.TotalSeconds:0.0} s)"),
        ];
    }

    /// <summary>The size of a <c>tools/list</c> answer, and of the part a client puts into a model's context.</summary>
    private static async Task<(int Wire, int ModelFacing)> ToolListBytesAsync(HttpClient http, Uri endpoint)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await http.SendAsync(request);
        var wire = await response.Content.ReadAsByteArrayAsync();
        using var document = System.Text.Json.JsonDocument.Parse(wire);
        var modelFacing = document.RootElement.GetProperty("result").GetProperty("tools").EnumerateArray().Sum(tool =>
            System.Text.Encoding.UTF8.GetByteCount(tool.GetProperty("name").GetString()!)
            + System.Text.Encoding.UTF8.GetByteCount(tool.GetProperty("description").GetString()!)
            + System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(tool.GetProperty("inputSchema")).Length);
        return (wire.Length, modelFacing);
    }

    private static async Task<IEnumerable<HarnessRow>> ManyPluginsAsync()
    {
        var generatedFolder = Path.Combine(BenchPaths.Scratch("many-plugins"), "plugins");
        var generation = Stopwatch.StartNew();
        GeneratedPluginSet.Write(generatedFolder, GeneratedPlugins, ToolsPerGeneratedPlugin);
        generation.Stop();

        using var empty = new PluginFolder();
        var baseline = await ProbeManyAsync(PluginLoadRuns, ["probe", "plugins", empty.Path]);
        var loaded = await ProbeManyAsync(PluginLoadRuns, ["probe", "plugins", generatedFolder]);
        var plugins = loaded[0]["plugins"];
        var tools = loaded[0]["tools"];
        var startWith = Median(loaded.Select(r => r["start_ms"]));
        var startWithout = Median(baseline.Select(r => r["start_ms"]));

        return
        [
            new HarnessRow($"host start with {plugins} plugins / {tools} tools", Milliseconds(startWith), $"fresh process, WebApplication build + start (plugins load during start), median of {PluginLoadRuns}; plugins compiled by the real generator in {generation.Elapsed.TotalSeconds:0} s, not timed"),
            new HarnessRow("host start with no plugins", Milliseconds(startWithout), $"same, empty plugins folder, median of {PluginLoadRuns}"),
            new HarnessRow($"time to load {plugins} plugins / {tools} tools", Milliseconds(startWith - startWithout), "difference of the two rows above"),
            new HarnessRow($"first tools/list with {tools} tools", Milliseconds(Median(loaded.Select(r => r["first_tools_list_ms"]))), "in process (TestServer), median of the same runs"),
        ];
    }


    private static async Task<TimeSpan> CallEchoAsync(HttpClient http, Uri endpoint)
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, MemoryClients).Select(_ => BenchClient.ConnectAsync(http, endpoint)));
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(clients.Select(client => EchoCalls.CallManyAsync(client, MemoryCalls / MemoryClients)));
        var took = Stopwatch.GetElapsedTime(start);
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }

        return took;
    }

    private static async Task<List<IReadOnlyDictionary<string, double>>> ProbeManyAsync(int runs, string[] probeArguments)
    {
        var results = new List<IReadOnlyDictionary<string, double>>();
        for (var run = 0; run < runs; run++)
        {
            await using var child = ChildProcess.StartDotnet([typeof(ProcessHarness).Assembly.Location, .. probeArguments], _ => false);
            results.Add(ProbeResults.Read(await child.WaitForExitAsync(ProbeTimeout)));
        }

        return results;
    }


}
