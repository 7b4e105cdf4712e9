namespace AwsMcp.Sandbox.Services.Ec2;

/// <summary>A default-VPC subnet: one per availability zone, with the zone's private address block.</summary>
internal sealed record Ec2Subnet(string SubnetId, string VpcId, string AvailabilityZone, int ThirdOctetBase);
