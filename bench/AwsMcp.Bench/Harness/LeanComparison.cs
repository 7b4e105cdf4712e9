using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AwsMcp.Bench.Infrastructure;
using AwsMcp.Bench.Load;
using AwsMcp.Sandbox;
using ModelContextProtocol;

using static AwsMcp.Bench.Harness.HarnessFigures;

namespace AwsMcp.Bench.Harness;

/// <summary>
/// The "lean" goals side by side, in one run: our server with the four packs and a bare MCP SDK server listing the
/// same tools, each a fresh process on loopback, the AWS sandbox in this process (out of theirs), three interleaved
/// rounds, medians. Cold start to the first tools/list, resident memory idle and after 10,000 calls from 64 clients
/// (ours <c>list_ec2_instances</c>, the bare server the same DescribeInstances through the same AWS client), the
/// first call into each AWS service once idle, and ours again with the sandbox inside it. Idle is
/// <see cref="Settled"/> after the first tools/list: our start-up work (warming the packs, handing its scratch memory
/// back) is over by then; 2 s after is reported too.
/// </summary>
internal static class LeanComparison
{
    private const int Rounds = 3;
    private const int Calls = 10_000;
    private const int Clients = 64;

    private static readonly TimeSpan Early = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Settled = TimeSpan.FromSeconds(8);

    // After the 2 s reading that follows a load: our server hands memory back once it has been quiet for 5 s.
    private static readonly TimeSpan QuietAfterLoad = TimeSpan.FromSeconds(13);

    private static readonly (string Tool, string Service, string Arguments)[] FirstCalls =
    [
        ("whoami", "STS", "{}"), ("list_s3_buckets", "S3", "{}"), ("list_ec2_instances", "EC2", """{"limit":5}"""),
        ("list_lambda_functions", "Lambda (protocol client)", "{}"), ("list_budgets", "Budgets (protocol client)", "{}"),
    ];

    public static async Task<IReadOnlyList<HarnessRow>> RunAsync()
    {
        var built = BenchPaths.BuiltToolPacks;
        if (built.Count == 0)
        {
            return [new HarnessRow("beside a bare MCP SDK server", "not measured", "no tool pack was built (plugins/*/bin/Release)")];
        }

        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions(), CancellationToken.None);
        var aws = sandbox.ClientEnvironment("us-east-1").Where(variable => variable.Value is not null).ToDictionary(variable => variable.Key, variable => variable.Value!);
        aws["AWS_EC2_METADATA_DISABLED"] = "true";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var toolsFile = await WriteOurToolListAsync(built, http, aws);

        var bare = new Figures();
        var ours = new Figures();
        var oursInProcess = new Figures();
        var firstCalls = FirstCalls.ToDictionary(call => call.Tool, _ => new List<double>());
        for (var round = 0; round < Rounds; round++)
        {
            await MeasureBareAsync(bare, toolsFile, http, aws);
            using (var plugins = new PluginFolder().WithPacks(built))
            {
                await using var server = await ServeProcess.StartAsync(plugins, http, aws);
                ours.ColdStart.Add(server.ColdStart.TotalMilliseconds);
                await MeasureIdleAsync(ours, server.ResidentBytes);
                foreach (var (tool, _, arguments) in FirstCalls)
                {
                    try
                    {
                        firstCalls[tool].Add(await TimeOneCallAsync(http, server.Endpoint, tool, arguments));
                    }
                    catch (TaskCanceledException hung)
                    {
                        // A first call that never answers is a defect to diagnose, not a figure: keep the evidence.
                        throw new TimeoutException($"{tool} did not answer within {http.Timeout.TotalSeconds} s; {await server.DumpAsync()}", hung);
                    }
                }

                await LoadAsync(server.Endpoint, LoadScenario.Call("list_ec2_instances", """{"limit":5}""", "instance_id"));
                ours.AfterLoad.Add(server.ResidentBytes());
                await Task.Delay(QuietAfterLoad);
                ours.QuietAfterLoad.Add(server.ResidentBytes());
            }

            using (var plugins = new PluginFolder().WithPacks(built))
            {
                await using var server = await ServeProcess.StartAsync(plugins, http, null, "--sandbox");
                await MeasureIdleAsync(oursInProcess, server.ResidentBytes);
                await LoadAsync(server.Endpoint, LoadScenario.Call("list_ec2_instances", """{"limit":5}""", "instance_id"));
                oursInProcess.AfterLoad.Add(server.ResidentBytes());
            }
        }

        var packs = string.Join(", ", built.Select(pack => pack.Name));
        var rows = new List<HarnessRow>
        {
            Row("cold start to the first tools/list: bare MCP SDK server (same tools listed)", Milliseconds(Median(bare.ColdStart)), "process start to tools/list answered over loopback HTTP"),
            Row($"cold start to the first tools/list: AwsMcp ({packs})", $"{Milliseconds(Median(ours.ColdStart))} ({Ratio(ours.ColdStart, bare.ColdStart)})", "same; goal ≤ 1.2× the bare server"),
            Row("resident memory idle: bare MCP SDK server", Megabytes(Median(bare.Idle)), $"VmRSS {Settled.TotalSeconds:0} s after the first tools/list"),
            Row("resident memory idle: AwsMcp, sandbox out of process", $"{Megabytes(Median(ours.Idle))} (+{Megabytes(Median(ours.Idle) - Median(bare.Idle))})", "same; goal ≤ the bare server + 15 MiB"),
            Row("resident memory 2 s after the first tools/list: bare MCP SDK server", Megabytes(Median(bare.EarlyIdle)), "before our start-up work is over"),
            Row("resident memory 2 s after the first tools/list: AwsMcp, sandbox out of process", $"{Megabytes(Median(ours.EarlyIdle))} (+{Megabytes(Median(ours.EarlyIdle) - Median(bare.EarlyIdle))})", "same"),
            Row($"resident memory: bare MCP SDK server {Settled.TotalSeconds:0} s after its first describe_instances_direct", $"{Megabytes(Median(bare.AfterOneCall))} (ours idle +{Megabytes(Median(ours.Idle) - Median(bare.AfterOneCall))})", "its AWS client warm for one call, as ours is warm for STS, EC2, S3 and the protocol client when idle"),
            Row("resident memory idle: AwsMcp, sandbox in process (--sandbox)", Megabytes(Median(oursInProcess.Idle)), $"VmRSS {Settled.TotalSeconds:0} s after the first tools/list, the emulator and its seeded estate inside"),
            Row($"resident memory after {Calls:N0} calls from {Clients} clients: bare MCP SDK server", Megabytes(Median(bare.AfterLoad)), "describe_instances_direct (the same DescribeInstances, same AWS client), VmRSS 2 s after"),
            Row($"resident memory after {Calls:N0} calls from {Clients} clients: AwsMcp, sandbox out of process", $"{Megabytes(Median(ours.AfterLoad))} ({Ratio(ours.AfterLoad, bare.AfterLoad)})", "list_ec2_instances limit 5; goal ≤ 1.3× the bare server"),
            Row($"resident memory after {Calls:N0} calls from {Clients} clients: AwsMcp, sandbox in process", Megabytes(Median(oursInProcess.AfterLoad)), "same, the emulator serving the load inside the server"),
            Row($"resident memory 15 s after the {Calls:N0} calls: bare MCP SDK server", Megabytes(Median(bare.QuietAfterLoad)), "quiet since the load"),
            Row($"resident memory 15 s after the {Calls:N0} calls: AwsMcp, sandbox out of process", $"{Megabytes(Median(ours.QuietAfterLoad))} ({Ratio(ours.QuietAfterLoad, bare.QuietAfterLoad)})", "quiet since the load: memory handed back (Hosting/Startup/IdleMemoryRelease)"),
        };
        rows.AddRange(FirstCalls.Select(call => Row(
            $"first call into {call.Service} on a fresh process: {call.Tool}", Milliseconds(Median(firstCalls[call.Tool])), $"{Settled.TotalSeconds:0} s after the first tools/list (packs warmed in the background), one tools/call over loopback HTTP; goal < 100 ms")));
        return rows;
    }

    private static async Task MeasureBareAsync(Figures figures, string toolsFile, HttpClient http, Dictionary<string, string> aws)
    {
        var start = Stopwatch.GetTimestamp();
        await using var child = ChildProcess.StartDotnet([typeof(LeanComparison).Assembly.Location, "serve-bare", toolsFile], line => ServeProcess.ListeningOn().IsMatch(line), aws);
        var endpoint = new Uri(new Uri(ServeProcess.ListeningOn().Match(await child.WaitUntilReadyAsync(TimeSpan.FromSeconds(60))).Groups[1].Value), "/mcp");
        await using (var client = await BenchClient.ConnectAsync(http, endpoint))
        {
            await client.ListToolsAsync();
            figures.ColdStart.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        await MeasureIdleAsync(figures, child.ResidentBytes);

        // Our idle figure is a server whose AWS paths are warm; this is the bare server with one of them warm.
        await TimeOneCallAsync(http, endpoint, "describe_instances_direct", """{"limit":5}""");
        await Task.Delay(Settled);
        figures.AfterOneCall.Add(child.ResidentBytes());
        await LoadAsync(endpoint, LoadScenario.Call("describe_instances_direct", """{"limit":5}""", "\"id\""));
        figures.AfterLoad.Add(child.ResidentBytes());
        await Task.Delay(QuietAfterLoad);
        figures.QuietAfterLoad.Add(child.ResidentBytes());
    }

    private static async Task MeasureIdleAsync(Figures figures, Func<long> residentBytes)
    {
        await Task.Delay(Early);
        figures.EarlyIdle.Add(residentBytes());
        await Task.Delay(Settled - Early);
        figures.Idle.Add(residentBytes());
    }

    private static async Task LoadAsync(Uri endpoint, LoadScenario scenario)
    {
        await LoadGenerator.RequestsPerSecondAsync(scenario, new Uri(endpoint, "/"), Clients, Calls);
        await Task.Delay(TimeSpan.FromSeconds(2));
    }

    private static async Task<double> TimeOneCallAsync(HttpClient http, Uri endpoint, string tool, string arguments)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent($$$"""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"{{{tool}}}","arguments":{{{arguments}}}}}""", Encoding.UTF8, "application/json"),
        };
        // As MCP clients send it; the bare SDK server refuses a client that does not accept both.
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        var start = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var took = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return response.IsSuccessStatusCode && !body.Contains("\"isError\":true", StringComparison.Ordinal)
            ? took
            : throw new InvalidOperationException($"{tool}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
    }

    private static async Task<string> WriteOurToolListAsync(IReadOnlyList<(string Output, string Name)> built, HttpClient http, Dictionary<string, string> aws)
    {
        using var plugins = new PluginFolder().WithPacks(built);
        await using var server = await ServeProcess.StartAsync(plugins, http, aws);
        var tools = await server.Client.ListToolsAsync();
        var file = Path.Combine(BenchPaths.Scratch("lean"), "tools.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(tools.Select(tool => tool.ProtocolTool).ToList(), McpJsonUtilities.DefaultOptions));
        return file;
    }


    private static HarnessRow Row(string measure, string value, string how) => new(measure, value, $"{how}; median of {Rounds} interleaved rounds");

    private static double Median(List<double> values) => HarnessFigures.Median(values);

    private static long Median(List<long> values) => (long)HarnessFigures.Median(values.Select(v => (double)v));

    private static string Ratio(List<double> ours, List<double> reference) => string.Create(CultureInfo.InvariantCulture, $"{Median(ours) / Median(reference):0.00}×");

    private static string Ratio(List<long> ours, List<long> reference) => string.Create(CultureInfo.InvariantCulture, $"{(double)Median(ours) / Median(reference):0.00}×");


    private sealed class Figures
    {
        public List<double> ColdStart { get; } = [];

        public List<long> Idle { get; } = [];

        public List<long> EarlyIdle { get; } = [];

        public List<long> AfterLoad { get; } = [];

        public List<long> AfterOneCall { get; } = [];

        public List<long> QuietAfterLoad { get; } = [];
    }
}
