using AwsMcp.Bench.Harness;
using AwsMcp.Bench.Infrastructure;
using AwsMcp.Bench.Load;
using AwsMcp.Bench.Reporting;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// bench/run.sh: `all docs/benchmarks.md` runs every benchmark and the process harness and writes the report.
//   bdn [BenchmarkDotNet arguments]   BenchmarkDotNet only, e.g. `bdn --filter *Throughput*`
//   load                              the side-by-side load rows only, printed as the report's table
//   scale-out                         1 vs 3 replicas through nginx, with and without the shared Redis (needs both)
//   probe startup|plugins <arg>       one measurement in a fresh process (started by the harness)
//   lean                              the side-by-side process figures only (memory, cold start, first calls)
//   serve-bare <tools.json>           the bare MCP SDK reference server as a process (started by the harness)
return args switch
{
    ["all", var output] => await RunAllAsync(output),
    ["load"] => await RunLoadAsync(),
    ["scale-out"] => await RunScaleOutAsync(),
    ["bdn", .. var rest] => Failed(BenchmarkSwitcher.FromAssembly(typeof(ProcessHarness).Assembly).Run(rest, BenchConfig())),
    ["probe", "startup", var style] => await StartupProbe.RunAsync(style),
    ["probe", "plugins", var folder] => await PluginLoadProbe.RunAsync(folder),
    ["lean"] => await RunLeanAsync(),
    ["serve-bare", var toolsFile] => await BareServerProcess.RunAsync(toolsFile),
    _ => Usage(),
};

static async Task<int> RunAllAsync(string output)
{
    // The load rows first, on a machine not yet warmed by the rest; BenchmarkDotNet, then the process harness.
    var load = await LoadHarness.RunAsync();
    var summaries = BenchmarkRunner.Run(typeof(ProcessHarness).Assembly, BenchConfig());
    var harness = await ProcessHarness.RunAsync();
    await File.WriteAllTextAsync(output, BenchmarksDocument.Markdown(load, summaries, harness, "bench/run.sh"));
    Console.WriteLine($"wrote {Path.GetFullPath(output)}");
    return Failed(summaries);
}

static async Task<int> RunLoadAsync()
{
    Console.WriteLine(BenchmarksDocument.LoadSection(await LoadHarness.RunAsync()));
    return 0;
}

static async Task<int> RunScaleOutAsync()
{
    Console.WriteLine(await ScaleOutHarness.RunAsync());
    return 0;
}

static async Task<int> RunLeanAsync()
{
    foreach (var row in await LeanComparison.RunAsync())
    {
        Console.WriteLine($"| {row.Measure} | {row.Value} | {row.HowMeasured} |");
    }

    return 0;
}

static IConfig BenchConfig() =>
    // In this process (no child project build) with few iterations: a full run fits in a few minutes on 2 cores,
    // at the price of wider error bars, which the report shows.
    DefaultConfig.Instance
        .AddJob(Job.ShortRun.WithIterationCount(8).WithToolchain(InProcessEmitToolchain.Instance))
        .WithArtifactsPath(BenchPaths.Scratch("bdn"));

static int Failed(IEnumerable<Summary> summaries) =>
    summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;

static int Usage()
{
    Console.Error.WriteLine("usage: AwsMcp.Bench all <report.md> | load | scale-out | lean | bdn [BenchmarkDotNet arguments] | probe startup <style> | probe plugins <folder> | serve-bare <tools.json>");
    return 2;
}
