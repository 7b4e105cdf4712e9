using System.Diagnostics;
using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Tests.Support;

namespace AwsMcp.Sandbox.Tests.Core;

public sealed class FaultInjectionTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>, IDisposable
{
    private SandboxServer Server => fixture.Server;

    public void Dispose() => Server.Faults.Clear();

    [Fact]
    public async Task Throttling_then_success_is_retried_by_the_SDK()
    {
        Server.Faults.FailNext("ec2", "DescribeRegions", SandboxFault.Throttling("ec2"), times: 2);
        using var ec2 = SandboxClients.Ec2(Server, maxErrorRetry: 2);
        var before = Server.RequestLog.Count;

        var regions = await ec2.DescribeRegionsAsync(new DescribeRegionsRequest());

        Assert.NotEmpty(regions.Regions);
        var attempts = Server.RequestLog.Skip(before).Where(e => e.Operation == "DescribeRegions").ToList();
        Assert.Equal([503, 503, 200], attempts.Select(e => e.StatusCode));
        Assert.Equal([true, true, false], attempts.Select(e => e.InjectedFault));
    }

    [Fact]
    public async Task An_injected_fault_reaches_the_caller_with_its_code_when_retries_are_off()
    {
        Server.Faults.FailNext("ec2", "DescribeInstances", SandboxFault.Throttling("ec2"));
        using var ec2 = SandboxClients.Ec2(Server);
        await AwsAssert.FailsWith<AmazonEC2Exception>(() => ec2.DescribeInstancesAsync(new DescribeInstancesRequest()), "RequestLimitExceeded", HttpStatusCode.ServiceUnavailable);
        await ec2.DescribeInstancesAsync(new DescribeInstancesRequest());
    }

    [Fact]
    public async Task FailAlways_lasts_until_cleared_and_star_matches_every_operation()
    {
        Server.Faults.FailAlways("s3", FaultInjector.AnyOperation, SandboxFault.AccessDenied("s3"));
        using var s3 = SandboxClients.S3(Server);
        await AwsAssert.FailsWith<AmazonS3Exception>(() => s3.ListBucketsAsync(new ListBucketsRequest()), "AccessDenied", HttpStatusCode.Forbidden);
        await AwsAssert.FailsWith<AmazonS3Exception>(() => s3.GetBucketLocationAsync("acme-data-lake"), "AccessDenied", HttpStatusCode.Forbidden);

        Server.Faults.Clear("s3");
        await s3.ListBucketsAsync(new ListBucketsRequest());
    }

    [Fact]
    public async Task A_server_error_is_retried_to_success()
    {
        Server.Faults.FailNext("s3", "ListBuckets", SandboxFault.InternalError);
        using var s3 = SandboxClients.S3(Server, maxErrorRetry: 1);
        Assert.NotEmpty((await s3.ListBucketsAsync(new ListBucketsRequest())).Buckets);
    }

    [Fact]
    public async Task Latency_delays_the_chosen_calls_only()
    {
        Server.Faults.AddLatency("ec2", "DescribeAvailabilityZones", TimeSpan.FromMilliseconds(300), times: 1);
        using var ec2 = SandboxClients.Ec2(Server);
        await ec2.DescribeRegionsAsync(new DescribeRegionsRequest());

        var slow = Stopwatch.StartNew();
        await ec2.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest());
        Assert.True(slow.Elapsed >= TimeSpan.FromMilliseconds(290), $"took {slow.Elapsed}");

        var fast = Stopwatch.StartNew();
        await ec2.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest());
        Assert.True(fast.Elapsed < TimeSpan.FromMilliseconds(250), $"took {fast.Elapsed}");
    }

    [Fact]
    public void Counted_rules_are_consumed_exactly_once_across_threads()
    {
        var faults = new FaultInjector();
        faults.FailNext("ec2", "RunInstances", SandboxFault.InternalError, times: 100);
        var failures = 0;
        Parallel.For(0, 400, _ =>
        {
            if (faults.Take("ec2", "RunInstances", "us-east-1").Fault is not null)
            {
                Interlocked.Increment(ref failures);
            }
        });
        Assert.Equal(100, failures);
    }

    [Fact]
    public void A_rule_for_one_region_leaves_the_other_regions_alone()
    {
        var faults = new FaultInjector();
        faults.FailAlways("ec2", "DescribeInstances", SandboxFault.InternalError, region: "eu-west-1");
        faults.AddLatency("ec2", "DescribeInstances", TimeSpan.FromSeconds(1), region: "ap-southeast-2");

        Assert.Equal((TimeSpan.Zero, SandboxFault.InternalError), faults.Take("ec2", "DescribeInstances", "eu-west-1"));
        Assert.Equal((TimeSpan.FromSeconds(1), (SandboxFault?)null), faults.Take("ec2", "DescribeInstances", "ap-southeast-2"));
        Assert.Equal((TimeSpan.Zero, (SandboxFault?)null), faults.Take("ec2", "DescribeInstances", "us-east-1"));
    }
}
