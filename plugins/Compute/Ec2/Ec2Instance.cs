namespace AwsMcp.Compute.Ec2;

/// <summary>An EC2 instance: the compact projection, plus <see cref="Details"/> when full records were asked for.</summary>
/// <param name="InstanceId">The instance id (i-…).</param>
/// <param name="Name">The Name tag, when set.</param>
/// <param name="InstanceType">e.g. t3.micro.</param>
/// <param name="State">pending, running, shutting-down, terminated, stopping or stopped.</param>
/// <param name="PrivateIp">Primary private IPv4 address.</param>
/// <param name="PublicIp">Public IPv4 address, while it has one.</param>
/// <param name="LaunchTime">When it was last launched (UTC).</param>
/// <param name="Details">The full record (detail=true, and always from describe_ec2_instance). User data is never included.</param>
public sealed record Ec2Instance(
    string InstanceId,
    string? Name,
    string? InstanceType,
    string? State,
    string? PrivateIp,
    string? PublicIp,
    DateTimeOffset? LaunchTime,
    Ec2InstanceDetails? Details);
