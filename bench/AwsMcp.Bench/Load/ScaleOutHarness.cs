using System.Globalization;
using System.Text;
using AwsMcp.Bench.Harness;
using AwsMcp.Bench.Infrastructure;
using AwsMcp.TestSupport.ScaleOut;

namespace AwsMcp.Bench.Load;

/// <summary>
/// <c>scale-out</c>: throughput through a real nginx of one and of three <c>awsmcp serve</c> replicas, each with and
/// without the shared Redis (<c>AwsMcp:SharedState:Redis</c>), on this machine, under the same closed-loop load
/// (<see cref="LoadGenerator"/>): an AWS read against the sandbox process, and a Cost Explorer query answered from the
/// pack cache. The limiter runs on every request (a loopback limit far above the load), so with Redis every request
/// pays its rate-limit round trip and the cost query its cache round trip. Needs redis-server and nginx; prints a
/// Markdown table with the load average around each measurement.
/// </summary>
internal static class ScaleOutHarness
{
    private const int Clients = 16;
    private const int WarmUp = 200;
    private const int Requests = 1500;
    private const int Rounds = 3;

    private static readonly LoadScenario[] Scenarios =
    [
        LoadScenario.Call("list_ec2_instances", """{"limit":5}""", "instance_id"),
        LoadScenario.Call("get_estimated_cost", """{"months":6}""", "months"),
    ];

    public static async Task<string> RunAsync()
    {
        var rows = new List<string>
        {
            "| Replicas | Shared state | Tool | Requests/s (median of 3) | Mean latency at 16 clients | Load average before → after |",
            "|---|---|---|---|---|---|",
        };
        foreach (var (replicas, shared) in new[] { (1, false), (1, true), (3, false), (3, true) })
        {
            await using var cluster = await ScaleOutCluster.StartAsync(new ScaleOutOptions
            {
                HostAssembly = BenchPaths.HostAssembly,
                Replicas = replicas,
                SharedState = shared,
                Settings = new Dictionary<string, string?>
                {
                    ["Aws:Region"] = "us-east-1",
                    ["Http:LoopbackRateLimitPerMinute"] = "100000000",
                },
            });
            foreach (var scenario in Scenarios)
            {
                await LoadGenerator.RequestsPerSecondAsync(scenario, cluster.Balancer.Address, Clients, WarmUp);
                var before = LoadAverage();
                var rates = new List<double>();
                for (var round = 0; round < Rounds; round++)
                {
                    rates.Add(await LoadGenerator.RequestsPerSecondAsync(scenario, cluster.Balancer.Address, Clients, Requests));
                }

                var rate = HarnessFigures.Median(rates);
                rows.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {replicas} | {(shared ? "Redis" : "none (in process)")} | {scenario.Name} | {rate:F0} | {Clients * 1000 / rate:F1} ms | {before} → {LoadAverage()} |"));
                Console.Error.WriteLine(rows[^1]);
            }
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, nginx round-robin, {Clients} clients, {Requests} requests x {Rounds} rounds per row after {WarmUp} to warm up.");
        report.AppendLine();
        foreach (var row in rows)
        {
            report.AppendLine(row);
        }

        return report.ToString();
    }

    // The 1-minute load average: on a shared machine it tells how much of the two cores the figures really had.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
