using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using AwsMcp.Sandbox.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static AwsMcp.Sandbox.Tests.Ec2.Ec2DescribeInstancesTests;

namespace AwsMcp.Sandbox.Tests.Ec2;

/// <summary>Terminated instances stay visible for about an hour, as on AWS, then disappear.</summary>
public sealed class Ec2TerminatedVisibilityTests
{
    [Fact]
    public async Task Terminated_instances_disappear_after_an_hour()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { TimeProvider = clock });
        using var ec2 = SandboxClients.Ec2(server);
        var all = Instances(await ec2.DescribeInstancesAsync(new DescribeInstancesRequest()));
        var target = all.First(i => i.State.Name == InstanceStateName.Running);
        var legacy = all.Single(i => i.State.Name == InstanceStateName.Terminated);

        await ec2.TerminateInstancesAsync(new TerminateInstancesRequest([target.InstanceId]));
        clock.Advance(TimeSpan.FromMinutes(55));
        Assert.Equal(InstanceStateName.Terminated, Instances(await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [target.InstanceId] })).Single().State.Name);
        Assert.DoesNotContain(Instances(await ec2.DescribeInstancesAsync(new DescribeInstancesRequest())), i => i.InstanceId == legacy.InstanceId);

        clock.Advance(TimeSpan.FromMinutes(10));
        await AwsAssert.FailsWith<AmazonEC2Exception>(
            () => ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [target.InstanceId] }), "InvalidInstanceID.NotFound", HttpStatusCode.BadRequest);
    }
}
