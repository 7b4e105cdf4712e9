using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Tests.Support;

namespace AwsMcp.Sandbox.Tests.Ec2;

public sealed class Ec2DescribeInstancesTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly AmazonEC2Client _ec2 = SandboxClients.Ec2(fixture.Server);

    [Theory]
    [InlineData("us-east-1", 15)]
    [InlineData("eu-west-1", 5)]
    [InlineData("ap-southeast-2", 3)]
    [InlineData("us-west-2", 0)]
    public async Task Each_seeded_region_has_its_instances(string region, int expected)
    {
        using var ec2 = SandboxClients.Ec2(fixture.Server, region);
        var response = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest());
        Assert.Equal(expected, Instances(response).Count);
        Assert.All(Instances(response), i => Assert.StartsWith(region, i.Placement.AvailabilityZone, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seeded_estate_has_every_state_tags_and_public_addresses()
    {
        var response = await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest());
        var instances = Instances(response);
        Assert.Equal(
            ["pending", "running", "stopped", "stopping", "terminated"],
            instances.Select(i => i.State.Name.Value).Distinct().Order(StringComparer.Ordinal));
        Assert.All(instances, i => Assert.Equal(["Environment", "Name", "Owner"], i.Tags.Select(t => t.Key).Order(StringComparer.Ordinal)));
        Assert.Contains(instances, i => i.PublicIpAddress == "54.210.1.20" && i.PublicDnsName == "ec2-54-210-1-20.compute-1.amazonaws.com");
        Assert.All(instances.Where(i => i.State.Name != InstanceStateName.Running), i => Assert.Null(i.PublicIpAddress));
        Assert.Contains(response.Reservations, r => r.Instances.Count == 2 && r.Instances.All(i => Name(i).StartsWith("web-prod-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Pages_with_MaxResults_and_NextToken_to_the_last_page()
    {
        var pages = new List<int>();
        string? token = null;
        do
        {
            var page = await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 5, NextToken = token });
            pages.Add(Instances(page).Count);
            token = page.NextToken;
        }
        while (token is not null);

        Assert.Equal([5, 5, 5], pages);
    }

    [Fact]
    public async Task The_SDK_paginator_walks_every_page()
    {
        var ids = new List<string>();
        await foreach (var reservation in _ec2.Paginators.DescribeInstances(new DescribeInstancesRequest { MaxResults = 6 }).Reservations)
        {
            ids.AddRange(reservation.Instances.Select(i => i.InstanceId));
        }

        Assert.Equal(15, ids.Distinct().Count());
    }

    [Theory]
    [InlineData(4)]
    [InlineData(1001)]
    public async Task MaxResults_outside_5_to_1000_is_refused(int maxResults) =>
        await AwsAssert.FailsWith<AmazonEC2Exception>(
            () => _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = maxResults }),
            "InvalidParameterValue",
            HttpStatusCode.BadRequest);

    [Fact]
    public async Task MaxResults_cannot_be_combined_with_instance_ids()
    {
        var id = Instances(await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest()))[0].InstanceId;
        await AwsAssert.FailsWith<AmazonEC2Exception>(
            () => _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [id], MaxResults = 5 }),
            "InvalidParameterCombination",
            HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("instance-state-name", "running", 9)]
    [InlineData("instance-state-name", "stopped", 3)]
    [InlineData("tag:Environment", "dev", 2)]
    [InlineData("tag:Name", "web-prod-*", 3)]
    [InlineData("tag-key", "Owner", 15)]
    [InlineData("instance-type", "t3.medium", 3)]
    [InlineData("availability-zone", "us-east-1a", 6)]
    public async Task Filters_select_instances(string name, string value, int expected)
    {
        var response = await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new Filter(name, [value])] });
        Assert.Equal(expected, Instances(response).Count);
    }

    [Fact]
    public async Task Filters_combine_with_and_and_values_with_or()
    {
        var response = await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest
        {
            Filters = [new Filter("instance-state-name", ["stopped", "stopping"]), new Filter("tag:Environment", ["prod"])],
        });
        Assert.Equal(["api-prod-3", "worker-prod-2"], Instances(response).Select(Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unknown_filter_is_refused() =>
        await AwsAssert.FailsWith<AmazonEC2Exception>(
            () => _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new Filter("colour", ["blue"])] }),
            "InvalidParameterValue",
            HttpStatusCode.BadRequest);

    [Fact]
    public async Task Instance_ids_select_and_unknown_or_malformed_ids_fail()
    {
        var all = Instances(await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest()));
        var picked = await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [all[3].InstanceId, all[7].InstanceId] });
        Assert.Equal([all[3].InstanceId, all[7].InstanceId], Instances(picked).Select(i => i.InstanceId));

        var missing = await AwsAssert.FailsWith<AmazonEC2Exception>(
            () => _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-0123456789abcdef0"] }),
            "InvalidInstanceID.NotFound",
            HttpStatusCode.BadRequest);
        Assert.Contains("i-0123456789abcdef0", missing.Message, StringComparison.Ordinal);
        await AwsAssert.FailsWith<AmazonEC2Exception>(
            () => _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["web-prod-1"] }),
            "InvalidInstanceID.Malformed",
            HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_bastion_user_data_carries_the_fake_secret()
    {
        var bastion = Instances(await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new Filter("tag:Name", ["bastion"])] })).Single();
        var attribute = await _ec2.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest(bastion.InstanceId, InstanceAttributeName.UserData));
        var userData = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(attribute.InstanceAttribute.UserData));
        Assert.Contains("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", userData, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_account_sees_its_own_empty_estate()
    {
        var credentials = SandboxClients.Temporary(
            fixture.Server,
            SandboxIdentities.SecondAccount,
            $"arn:aws:sts::{SandboxIdentities.SecondAccount}:assumed-role/AwsMcpOperator/test",
            TimeSpan.FromHours(1));
        using var ec2 = SandboxClients.Ec2(fixture.Server, credentials: credentials);
        Assert.Empty(Instances(await ec2.DescribeInstancesAsync(new DescribeInstancesRequest())));
    }

    internal static List<Instance> Instances(DescribeInstancesResponse response) =>
        [.. (response.Reservations ?? []).SelectMany(r => r.Instances ?? [])];

    internal static string Name(Instance instance) => instance.Tags?.FirstOrDefault(t => t.Key == "Name")?.Value ?? "";
}
