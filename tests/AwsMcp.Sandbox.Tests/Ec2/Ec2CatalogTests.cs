using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Tests.Support;

namespace AwsMcp.Sandbox.Tests.Ec2;

public sealed class Ec2CatalogTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly AmazonEC2Client _ec2 = SandboxClients.Ec2(fixture.Server);

    [Fact]
    public async Task DescribeImages_by_owner_id_and_name()
    {
        var amazon = (await _ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["amazon"] })).Images;
        Assert.Equal(3, amazon.Count);
        Assert.Contains(amazon, i => i.Name.StartsWith("al2023-ami-", StringComparison.Ordinal) && i.Architecture == ArchitectureValues.Arm64);
        Assert.Contains(amazon, i => i.Platform == PlatformValues.Windows);

        var ubuntu = (await _ec2.DescribeImagesAsync(new DescribeImagesRequest { Filters = [new Filter("name", ["ubuntu/images/*noble*"])] })).Images.Single();
        Assert.Equal("099720109477", ubuntu.OwnerId);
        Assert.Equal(ubuntu.ImageId, (await _ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [ubuntu.ImageId] })).Images.Single().ImageId);

        var own = (await _ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] })).Images.Single();
        Assert.Equal((SandboxIdentities.DefaultAccount, false), (own.OwnerId, own.Public));
    }

    [Fact]
    public async Task Images_differ_by_region_and_unknown_ids_fail()
    {
        using var sydney = SandboxClients.Ec2(fixture.Server, "ap-southeast-2");
        var here = (await _ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["amazon"] })).Images.Select(i => i.ImageId);
        var there = (await sydney.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["amazon"] })).Images.Select(i => i.ImageId);
        Assert.Empty(here.Intersect(there));
        Assert.Empty((await sydney.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] })).Images ?? []);

        await AwsAssert.FailsWith<AmazonEC2Exception>(
            () => _ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [there.First()] }), "InvalidAMIID.NotFound", HttpStatusCode.BadRequest);
        await AwsAssert.FailsWith<AmazonEC2Exception>(
            () => _ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = ["ubuntu"] }), "InvalidAMIID.Malformed", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task DescribeRegions_lists_enabled_regions_or_all_with_opt_in_status()
    {
        var enabled = (await _ec2.DescribeRegionsAsync(new DescribeRegionsRequest())).Regions;
        var all = (await _ec2.DescribeRegionsAsync(new DescribeRegionsRequest { AllRegions = true })).Regions;
        Assert.True(all.Count > enabled.Count);
        Assert.DoesNotContain(enabled, r => r.OptInStatus == "not-opted-in");
        Assert.Contains(enabled, r => r.RegionName == "ap-southeast-4" && r.OptInStatus == "opted-in");
        Assert.Contains(all, r => r.RegionName == "af-south-1" && r.OptInStatus == "not-opted-in");
        var euWest1 = (await _ec2.DescribeRegionsAsync(new DescribeRegionsRequest { RegionNames = ["eu-west-1"] })).Regions.Single();
        Assert.Equal(("ec2.eu-west-1.amazonaws.com", "opt-in-not-required"), (euWest1.Endpoint, euWest1.OptInStatus));
    }

    [Fact]
    public async Task DescribeAvailabilityZones_names_three_zones_with_ids()
    {
        using var sydney = SandboxClients.Ec2(fixture.Server, "ap-southeast-2");
        var zones = (await sydney.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest())).AvailabilityZones;
        Assert.Equal(["ap-southeast-2a", "ap-southeast-2b", "ap-southeast-2c"], zones.Select(z => z.ZoneName));
        Assert.Equal("apse2-az1", zones[0].ZoneId);
        Assert.Equal("use1-az2", (await _ec2.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest { ZoneNames = ["us-east-1b"] })).AvailabilityZones.Single().ZoneId);
    }
}
