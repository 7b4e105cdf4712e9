using System.Diagnostics;
using System.Text;
using System.Text.Json;
using AwsMcp.Bench.Harness;
using AwsMcp.Bench.Infrastructure;
using AwsMcp.Host.Redaction;
using AwsMcp.Sandbox;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AwsMcp.Bench.Load;

/// <summary>
/// Our host and reference servers side by side, in one run, under the same closed-loop load over loopback (fixed
/// request counts, 8 and 64 connections, three interleaved rounds, medians): a bare Kestrel endpoint answering our
/// exact <c>tools/list</c> bytes, a bare MCP SDK server (stateless) with the same tools, and the same
/// <c>DescribeInstances</c> call as a bare SDK tool against the same sandbox. Our host runs as <c>awsmcp serve</c> builds
/// it: the full pipeline, durable audit with group commit.
/// </summary>
internal static class LoadHarness
{
    private const int Rounds = 3;
    private const int WarmUp = 200;
    private static readonly int[] ClientCounts = [8, 64];

    public static async Task<LoadReport> RunAsync()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        PointAwsAtSandbox(sandbox);
        using var packs = new PluginFolder().WithPacks(BenchPaths.BuiltToolPacks);
        using var echo = new PluginFolder().WithEcho();
        var withoutAudit = echo.ServeSettings();
        withoutAudit["AwsMcp:Audit:Enabled"] = "false";
        withoutAudit["AwsMcp:Audit:Path"] = echo.AuditPath + "-off";
        var oursPacks = await RunningServer.StartAwsMcpAsync(WithRegion(packs.ServeSettings()), BenchTransport.Loopback);
        var oursEcho = await RunningServer.StartAwsMcpAsync(echo.ServeSettings(), BenchTransport.Loopback);
        var oursEchoNoAudit = await RunningServer.StartAwsMcpAsync(withoutAudit, BenchTransport.Loopback);

        var (listAnswer, listed) = await ToolsListAsync(oursPacks.Endpoint);
        await using var kestrel = await ReferenceServers.StartBareKestrelAsync(listAnswer, "text/event-stream");
        await using var sdkList = await ReferenceServers.StartBareSdkAsync(listed);
        await using var sdkCalls = await ReferenceServers.StartBareSdkAsync([]);

        var rows = new List<Row>
        {
            new("tools/list", "bare Kestrel, our tools/list bytes", Root(ReferenceServers.Address(kestrel)), LoadScenario.ToolsList, 3000, Reference: true),
            new("tools/list", "bare MCP SDK, same tools", Root(ReferenceServers.Address(sdkList)), LoadScenario.ToolsList, 1500, Reference: true),
            new("tools/list", "AwsMcp (four packs)", Root(oursPacks.Endpoint), LoadScenario.ToolsList, 3000, Reference: false),
            new("echo", "bare MCP SDK, reflection tool", Root(ReferenceServers.Address(sdkCalls)), LoadScenario.Echo, 4000, Reference: true),
            new("echo", "AwsMcp, durable audit", Root(oursEcho.Endpoint), LoadScenario.Echo, 4000, Reference: false),
            new("echo", "AwsMcp, audit file off", Root(oursEchoNoAudit.Endpoint), LoadScenario.Echo, 4000, Reference: false),
            new("EC2 DescribeInstances, 5 instances", "bare MCP SDK tool, same AWS client", Root(ReferenceServers.Address(sdkCalls)), LoadScenario.Call("describe_instances_direct", """{"limit":5}""", "\"id\""), 1000, Reference: true),
            new("EC2 DescribeInstances, 5 instances", "AwsMcp list_ec2_instances limit 5", Root(oursPacks.Endpoint), LoadScenario.Call("list_ec2_instances", """{"limit":5}""", "instance_id"), 1000, Reference: false),
        };

        foreach (var row in rows)
        {
            await LoadGenerator.RequestsPerSecondAsync(row.Scenario, row.Address, 8, WarmUp);
        }

        var measured = rows.ToDictionary(row => row, _ => ClientCounts.ToDictionary(c => c, _ => new List<double>()));
        for (var round = 0; round < Rounds; round++)
        {
            // Interleaved, each round in another order, so that drift on a shared machine spreads over every row.
            foreach (var row in Rotate(rows, round))
            {
                foreach (var clients in ClientCounts)
                {
                    measured[row][clients].Add(await LoadGenerator.RequestsPerSecondAsync(row.Scenario, row.Address, clients, row.Requests));
                }
            }
        }

        await oursPacks.DisposeAsync();
        await oursEcho.DisposeAsync();
        await oursEchoNoAudit.DisposeAsync();
        return new LoadReport(
            [.. rows.Select(row => new LoadRow(row.Group, row.Server, row.Reference, ClientCounts.ToDictionary(c => c, c => HarnessFigures.Median(measured[row][c]))))],
            RedactionMilliseconds(),
            listAnswer.Length);
    }

    /// <summary>Our exact tools/list answer (SSE-framed, as it goes on the wire) and the tools in it.</summary>
    private static async Task<(byte[] Answer, IReadOnlyList<Tool> Tools)> ToolsListAsync(Uri endpoint)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(LoadScenario.ToolsList.Body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await http.SendAsync(request);
        var answer = await response.Content.ReadAsByteArrayAsync();
        var data = Encoding.UTF8.GetString(answer).Split('\n').Single(line => line.StartsWith("data: ", StringComparison.Ordinal))["data: ".Length..];
        using var document = JsonDocument.Parse(data);
        var tools = document.RootElement.GetProperty("result").GetProperty("tools").Deserialize<List<Tool>>(McpJsonUtilities.DefaultOptions)!;
        return (answer, tools);
    }

    /// <summary>The time to redact one 800 KB token-like argument (<c>"eyJ-eyJ-…"</c>), median of five.</summary>
    private static double RedactionMilliseconds()
    {
        var json = "{\"note\":\"" + string.Concat(Enumerable.Repeat("eyJ-", 200_000)) + "\"}";
        using var document = JsonDocument.Parse(json);
        var redactor = new SharedSecretRedactor();
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var start = Stopwatch.GetTimestamp();
            GC.KeepAlive(redactor.RedactArguments(document.RootElement));
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return HarnessFigures.Median(times);
    }


    private static Dictionary<string, string?> WithRegion(Dictionary<string, string?> settings)
    {
        settings["AwsMcp:Aws:Region"] = "us-east-1";
        return settings;
    }

    // As `awsmcp serve --sandbox` does: the SDK's default chain finds the sandbox's operator key and endpoint.
    private static void PointAwsAtSandbox(SandboxServer sandbox)
    {
        foreach (var (name, value) in sandbox.ClientEnvironment("us-east-1"))
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        Environment.SetEnvironmentVariable("AWS_PROFILE", null);
    }

    private static Uri Root(Uri endpoint) => new(endpoint.GetLeftPart(UriPartial.Authority));

    private static IEnumerable<Row> Rotate(List<Row> rows, int round) => rows.Skip(round % rows.Count).Concat(rows.Take(round % rows.Count));


    private sealed record Row(string Group, string Server, Uri Address, LoadScenario Scenario, int Requests, bool Reference);
}

/// <summary>The side-by-side figures of one run.</summary>
/// <param name="Rows">Requests per second by client count, per server and scenario.</param>
/// <param name="RedactionMilliseconds">Redacting one 800 KB token-like argument.</param>
/// <param name="ToolsListBytes">The size of the tools/list answer every tools/list row serves.</param>
internal sealed record LoadReport(IReadOnlyList<LoadRow> Rows, double RedactionMilliseconds, int ToolsListBytes);

/// <summary>One server under one scenario.</summary>
internal sealed record LoadRow(string Scenario, string Server, bool Reference, IReadOnlyDictionary<int, double> RequestsPerSecond);
