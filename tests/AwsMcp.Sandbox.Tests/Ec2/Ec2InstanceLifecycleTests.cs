using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Tests.Support;
using static AwsMcp.Sandbox.Tests.Ec2.Ec2DescribeInstancesTests;

namespace AwsMcp.Sandbox.Tests.Ec2;

/// <summary>RunInstances and the state changes, in us-west-2 where the seeded account starts with no instances.</summary>
public sealed class Ec2InstanceLifecycleTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private const string Region = "us-west-2";

    private readonly AmazonEC2Client _ec2 = SandboxClients.Ec2(fixture.Server, Region);

    [Fact]
    public async Task RunInstances_launches_tagged_pending_instances_that_then_run()
    {
        var run = await _ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = await AmazonLinuxAsync(),
            InstanceType = InstanceType.T3Micro,
            MinCount = 2,
            MaxCount = 2,
            KeyName = "test-key",
            SecurityGroupIds = ["sg-0123456789abcdef0"],
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [new Tag("Name", "launched")] }],
        });

        Assert.Equal(2, run.Reservation.Instances.Count);
        Assert.All(run.Reservation.Instances, i =>
        {
            Assert.Equal(InstanceStateName.Pending, i.State.Name);
            Assert.Equal("launched", Name(i));
            Assert.Equal("test-key", i.KeyName);
            Assert.Equal("sg-0123456789abcdef0", i.SecurityGroups.Single().GroupId);
            Assert.Equal("us-west-2a", i.Placement.AvailabilityZone);
        });

        var described = Instances(await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [.. run.Reservation.Instances.Select(i => i.InstanceId)] }));
        Assert.All(described, i => Assert.Equal(InstanceStateName.Running, i.State.Name));
        Assert.Equal(run.Reservation.ReservationId, (await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [described[0].InstanceId] })).Reservations.Single().ReservationId);
    }

    [Fact]
    public async Task The_same_client_token_returns_the_same_reservation()
    {
        var request = new RunInstancesRequest { ImageId = await AmazonLinuxAsync(), MinCount = 1, MaxCount = 1, ClientToken = "token-1" };
        var first = await _ec2.RunInstancesAsync(request);
        var second = await _ec2.RunInstancesAsync(request);
        Assert.Equal(first.Reservation.ReservationId, second.Reservation.ReservationId);
        Assert.Equal(first.Reservation.Instances.Single().InstanceId, second.Reservation.Instances.Single().InstanceId);

        await AwsAssert.FailsWith<AmazonEC2Exception>(
            () => _ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = request.ImageId, MinCount = 1, MaxCount = 2, ClientToken = "token-1" }),
            "IdempotentParameterMismatch",
            HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("ami-0123456789abcdef0", 1, 1, null, "InvalidAMIID.NotFound")]
    [InlineData("not-an-ami", 1, 1, null, "InvalidAMIID.Malformed")]
    [InlineData(null, 2, 1, null, "InvalidParameterValue")]
    [InlineData(null, 1, 1, "subnet-0123456789abcdef0", "InvalidSubnetID.NotFound")]
    [InlineData(null, 51, 60, null, "InstanceLimitExceeded")]
    public async Task RunInstances_refuses_bad_parameters(string? imageId, int minCount, int maxCount, string? subnetId, string errorCode) =>
        await AwsAssert.FailsWith<AmazonEC2Exception>(
            async () => await _ec2.RunInstancesAsync(new RunInstancesRequest
            {
                ImageId = imageId ?? await AmazonLinuxAsync(),
                MinCount = minCount,
                MaxCount = maxCount,
                SubnetId = subnetId,
            }),
            errorCode,
            HttpStatusCode.BadRequest);

    [Fact]
    public async Task Stop_start_reboot_and_terminate_report_previous_and_current_states()
    {
        var id = await LaunchAsync();

        var stop = (await _ec2.StopInstancesAsync(new StopInstancesRequest([id]))).StoppingInstances.Single();
        Assert.Equal((InstanceStateName.Running, InstanceStateName.Stopping), (stop.PreviousState.Name, stop.CurrentState.Name));
        Assert.Equal(80, (await DescribeAsync(id)).State.Code);
        await AwsAssert.FailsWith<AmazonEC2Exception>(
            () => _ec2.RebootInstancesAsync(new RebootInstancesRequest([id])), "IncorrectInstanceState", HttpStatusCode.BadRequest);

        var start = (await _ec2.StartInstancesAsync(new StartInstancesRequest([id]))).StartingInstances.Single();
        Assert.Equal((InstanceStateName.Stopped, InstanceStateName.Pending), (start.PreviousState.Name, start.CurrentState.Name));
        Assert.Equal(InstanceStateName.Running, (await DescribeAsync(id)).State.Name);
        await _ec2.RebootInstancesAsync(new RebootInstancesRequest([id]));

        var terminate = (await _ec2.TerminateInstancesAsync(new TerminateInstancesRequest([id]))).TerminatingInstances.Single();
        Assert.Equal((InstanceStateName.Running, InstanceStateName.ShuttingDown), (terminate.PreviousState.Name, terminate.CurrentState.Name));
        var terminated = await DescribeAsync(id);
        Assert.Equal((48, "terminated"), (terminated.State.Code, terminated.State.Name.Value));
        Assert.StartsWith("User initiated", terminated.StateTransitionReason, StringComparison.Ordinal);

        var again = (await _ec2.TerminateInstancesAsync(new TerminateInstancesRequest([id]))).TerminatingInstances.Single();
        Assert.Equal((InstanceStateName.Terminated, InstanceStateName.Terminated), (again.PreviousState.Name, again.CurrentState.Name));
        await AwsAssert.FailsWith<AmazonEC2Exception>(
            () => _ec2.StartInstancesAsync(new StartInstancesRequest([id])), "IncorrectInstanceState", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_state_change_naming_an_unknown_instance_changes_nothing()
    {
        var id = await LaunchAsync();
        await AwsAssert.FailsWith<AmazonEC2Exception>(
            () => _ec2.StopInstancesAsync(new StopInstancesRequest([id, "i-0123456789abcdef0"])), "InvalidInstanceID.NotFound", HttpStatusCode.BadRequest);
        Assert.Equal(InstanceStateName.Running, (await DescribeAsync(id)).State.Name);
    }

    [Fact]
    public async Task DryRun_answers_DryRunOperation_and_changes_nothing()
    {
        var id = await LaunchAsync();
        await AwsAssert.FailsWith<AmazonEC2Exception>(
            () => _ec2.StopInstancesAsync(new StopInstancesRequest([id]) { DryRun = true }), "DryRunOperation", HttpStatusCode.PreconditionFailed);
        await AwsAssert.FailsWith<AmazonEC2Exception>(
            () => _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { DryRun = true }), "DryRunOperation", HttpStatusCode.PreconditionFailed);
        Assert.Equal(InstanceStateName.Running, (await DescribeAsync(id)).State.Name);
    }

    [Fact]
    public async Task A_read_only_role_may_describe_but_not_change()
    {
        var id = await LaunchAsync();
        var readOnly = SandboxClients.Temporary(
            fixture.Server,
            SandboxIdentities.DefaultAccount,
            $"arn:aws:sts::{SandboxIdentities.DefaultAccount}:assumed-role/AwsMcpReadOnly/test",
            TimeSpan.FromHours(1));
        using var ec2 = SandboxClients.Ec2(fixture.Server, Region, readOnly);

        Assert.NotEmpty(Instances(await ec2.DescribeInstancesAsync(new DescribeInstancesRequest())));
        await AwsAssert.FailsWith<AmazonEC2Exception>(
            () => ec2.StopInstancesAsync(new StopInstancesRequest([id]) { DryRun = true }), "UnauthorizedOperation", HttpStatusCode.Forbidden);
        await AwsAssert.FailsWith<AmazonEC2Exception>(
            () => ec2.TerminateInstancesAsync(new TerminateInstancesRequest([id])), "UnauthorizedOperation", HttpStatusCode.Forbidden);
        Assert.Equal(InstanceStateName.Running, (await DescribeAsync(id)).State.Name);
    }

    private async Task<string> AmazonLinuxAsync()
    {
        var images = await _ec2.DescribeImagesAsync(new DescribeImagesRequest
        {
            Owners = ["amazon"],
            Filters = [new Filter("name", ["al2023-ami-*-x86_64"])],
        });
        return images.Images.Single().ImageId;
    }

    private async Task<string> LaunchAsync()
    {
        var run = await _ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = await AmazonLinuxAsync(), MinCount = 1, MaxCount = 1 });
        var id = run.Reservation.Instances.Single().InstanceId;
        Assert.Equal(InstanceStateName.Running, (await DescribeAsync(id)).State.Name);
        return id;
    }

    private async Task<Instance> DescribeAsync(string id) =>
        Instances(await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [id] })).Single();
}
