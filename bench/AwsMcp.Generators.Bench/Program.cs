using AwsMcp.Generators.Bench;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process (no child project build) and few iterations: each iteration is a whole generator run, seconds long.
// Pass BenchmarkDotNet arguments (e.g. --filter *FullRun*) after `--`.
IConfig config = DefaultConfig.Instance.AddJob(
    Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithStrategy(RunStrategy.Monitoring)
        .WithLaunchCount(1)
        .WithWarmupCount(2)
        .WithIterationCount(8)
        .WithInvocationCount(1)
        .WithUnrollFactor(1));
BenchmarkRunner.Run<GeneratorBenchmarks>(config, args);
