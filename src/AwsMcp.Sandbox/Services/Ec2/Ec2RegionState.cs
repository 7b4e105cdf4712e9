namespace AwsMcp.Sandbox.Services.Ec2;

/// <summary>
/// The EC2 resources of one account in one region: a default VPC with a subnet per zone, a default security group,
/// instances (in launch order) and RunInstances client tokens. <see cref="Gate"/> serialises every read and change.
/// </summary>
internal sealed class Ec2RegionState
{
    public Ec2RegionState(string account, string region)
    {
        Account = account;
        Region = region;
        VpcId = Ec2Ids.Seeded("vpc", $"{account}/{region}/default");
        DefaultSecurityGroupId = Ec2Ids.Seeded("sg", $"{account}/{region}/default");
        Subnets = [.. Ec2Regions.AvailabilityZones(region).Select((zone, index) =>
            new Ec2Subnet(Ec2Ids.Seeded("subnet", $"{account}/{zone}"), VpcId, zone, index * 16))];
    }

    public Lock Gate { get; } = new();

    public string Account { get; }

    public string Region { get; }

    public string VpcId { get; }

    public string DefaultSecurityGroupId { get; }

    public IReadOnlyList<Ec2Subnet> Subnets { get; }

    public List<Ec2Instance> Instances { get; } = [];

    /// <summary>RunInstances ClientToken → the reservation it created and a fingerprint of the parameters it was called with.</summary>
    public Dictionary<string, (string ReservationId, string Fingerprint)> ClientTokens { get; } = new(StringComparer.Ordinal);
}
