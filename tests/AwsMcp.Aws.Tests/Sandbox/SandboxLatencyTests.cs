using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using Amazon.SecurityToken.Model;
using AwsMcp.Aws.Protocol;
using AwsMcp.Aws.Tests.Support;
using AwsMcp.Sandbox.Core;
using Xunit.Abstractions;

namespace AwsMcp.Aws.Tests.Sandbox;

/// <summary>
/// Round-trip time of a warm call through each client against the sandbox (signature verification on). Reported in
/// the test output; the only assertion is a generous ceiling that catches a pathological regression.
/// </summary>
[Trait("Category", "Latency")]
public sealed class SandboxLatencyTests(SandboxFixture sandbox, ITestOutputHelper output) : IClassFixture<SandboxFixture>
{
    private const int WarmUp = 20;
    private const int Measured = 300;

    [Fact]
    public async Task Warm_call_latency_per_client()
    {
        var ctx = ToolContexts.For(callerId: "latency");
        var factory = sandbox.Factory;
        var calls = new (string Name, Func<Task> Call)[]
        {
            ("EC2 DescribeInstances (SDK)", () => factory.Ec2(ctx).DescribeInstancesAsync(new DescribeInstancesRequest())),
            ("S3 ListBuckets (SDK)", () => factory.S3(ctx).ListBucketsAsync()),
            ("STS GetCallerIdentity (SDK)", () => factory.Sts(ctx).GetCallerIdentityAsync(new GetCallerIdentityRequest())),
            ("Lambda ListFunctions (restJson)", () => factory.Protocol(AwsServiceModels.Lambda, ctx)
                .InvokeRestAsync(HttpMethod.Get, "/2015-03-31/functions", null, null, null, CancellationToken.None)),
            ("Logs DescribeLogGroups (awsJson)", () => Dispose(factory.Protocol(AwsServiceModels.CloudWatchLogs, ctx)
                .InvokeJsonAsync("DescribeLogGroups", new JsonObject { ["limit"] = 5 }, CancellationToken.None))),
            ("Budgets DescribeBudgets (awsJson)", () => Dispose(factory.Protocol(AwsServiceModels.Budgets, ctx)
                .InvokeJsonAsync("DescribeBudgets", new JsonObject { ["AccountId"] = SandboxIdentities.DefaultAccount }, CancellationToken.None))),
            ("IAM ListRoles (awsQuery)", () => factory.Protocol(AwsServiceModels.Iam, ctx)
                .InvokeQueryAsync("ListRoles", new Dictionary<string, string>(), CancellationToken.None)),
            ("STS GetCallerIdentity (awsQuery)", () => factory.Protocol(AwsServiceModels.Sts, ctx)
                .InvokeQueryAsync("GetCallerIdentity", new Dictionary<string, string>(), CancellationToken.None)),
        };

        foreach (var (name, call) in calls)
        {
            for (var i = 0; i < WarmUp; i++)
            {
                await call();
            }

            var samples = new double[Measured];
            for (var i = 0; i < Measured; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await call();
                samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            Array.Sort(samples);
            var median = samples[Measured / 2];
            var p95 = samples[(int)(Measured * 0.95)];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-36} n={Measured} median={median:0.000} ms p95={p95:0.000} ms"));
            Assert.True(median < 250, $"{name}: median {median} ms");
        }
    }

    private static async Task Dispose(Task<System.Text.Json.JsonDocument> call) => (await call).Dispose();
}
