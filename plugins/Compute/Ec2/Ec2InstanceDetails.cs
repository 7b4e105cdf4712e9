namespace AwsMcp.Compute.Ec2;

/// <summary>The rest of an instance's record.</summary>
/// <param name="AvailabilityZone">e.g. us-east-1a.</param>
/// <param name="ImageId">The AMI it was launched from.</param>
/// <param name="Platform">Platform details, e.g. Linux/UNIX or Windows.</param>
/// <param name="Architecture">x86_64 or arm64.</param>
/// <param name="KeyName">The key pair it was launched with.</param>
/// <param name="VpcId">Its VPC.</param>
/// <param name="SubnetId">Its subnet.</param>
/// <param name="SecurityGroups">Security groups as id (name).</param>
/// <param name="IamInstanceProfileArn">The instance profile, when it has one.</param>
/// <param name="PrivateDnsName">Private DNS name.</param>
/// <param name="PublicDnsName">Public DNS name, while it has one.</param>
/// <param name="StateReason">Why it is in its state (e.g. who stopped it), when AWS says.</param>
/// <param name="Lifecycle">spot or capacity-block; absent for on-demand.</param>
/// <param name="ReservationId">The reservation (launch request) it belongs to.</param>
/// <param name="Tags">All its tags.</param>
public sealed record Ec2InstanceDetails(
    string? AvailabilityZone,
    string? ImageId,
    string? Platform,
    string? Architecture,
    string? KeyName,
    string? VpcId,
    string? SubnetId,
    IReadOnlyList<string> SecurityGroups,
    string? IamInstanceProfileArn,
    string? PrivateDnsName,
    string? PublicDnsName,
    string? StateReason,
    string? Lifecycle,
    string? ReservationId,
    IReadOnlyDictionary<string, string> Tags);
