using System.Globalization;

namespace AwsMcp.Sandbox.Services.Ec2;

/// <summary>The DescribeInstances filter names the sandbox supports, and the values of an instance each one looks at.</summary>
internal static class Ec2InstanceFilterFields
{
    /// <summary>The instance's values for <paramref name="filterName"/>; null when the filter name is not supported.</summary>
    public static IEnumerable<string?>? Values(Ec2Instance instance, string filterName) => filterName switch
    {
        "instance-state-name" => [instance.State.Name],
        "instance-state-code" => [instance.State.Code.ToString(CultureInfo.InvariantCulture)],
        "instance-type" => [instance.InstanceType],
        "availability-zone" => [instance.Subnet.AvailabilityZone],
        "instance-id" => [instance.InstanceId],
        "image-id" => [instance.Image.ImageId],
        "reservation-id" => [instance.ReservationId],
        "owner-id" => [instance.OwnerId],
        "vpc-id" => [instance.Subnet.VpcId],
        "subnet-id" => [instance.Subnet.SubnetId],
        "key-name" => [instance.KeyName],
        "private-ip-address" => [instance.PrivateIpAddress],
        "ip-address" => [instance.PublicIpAddress],
        "architecture" => [instance.Image.Architecture],
        "tag-key" => instance.Tags.Select(t => (string?)t.Key),
        "tag-value" => instance.Tags.Select(t => (string?)t.Value),
        _ when filterName.StartsWith("tag:", StringComparison.Ordinal) =>
            instance.Tags.Where(t => t.Key == filterName["tag:".Length..]).Select(t => (string?)t.Value),
        _ => null,
    };
}
