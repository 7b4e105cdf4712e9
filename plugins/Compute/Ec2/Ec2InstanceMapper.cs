using Amazon.EC2.Model;
using AwsMcp.Aws.Collections;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Compute.Ec2;

/// <summary>Projects SDK instances to tool records. User data is not part of DescribeInstances and is never fetched.</summary>
internal static class Ec2InstanceMapper
{
    public static Ec2Instance ToRecord(Instance instance, bool detail, string? reservationId = null) => new(
        instance.InstanceId,
        instance.Tags.OrEmpty().FirstOrDefault(tag => tag.Key == "Name")?.Value,
        instance.InstanceType?.Value,
        instance.State?.Name?.Value,
        instance.PrivateIpAddress,
        instance.PublicIpAddress,
        UtcTimes.FromSdk(instance.LaunchTime),
        detail ? Details(instance, reservationId) : null);

    private static Ec2InstanceDetails Details(Instance instance, string? reservationId) => new(
        instance.Placement?.AvailabilityZone,
        instance.ImageId,
        instance.PlatformDetails ?? instance.Platform?.Value,
        instance.Architecture?.Value,
        instance.KeyName,
        instance.VpcId,
        instance.SubnetId,
        [.. instance.SecurityGroups.OrEmpty().Select(group => group.GroupName is null ? group.GroupId : $"{group.GroupId} ({group.GroupName})")],
        instance.IamInstanceProfile?.Arn,
        NullIfEmpty(instance.PrivateDnsName),
        NullIfEmpty(instance.PublicDnsName),
        instance.StateReason?.Message ?? NullIfEmpty(instance.StateTransitionReason),
        instance.InstanceLifecycle?.Value,
        reservationId,
        instance.Tags.OrEmpty().GroupBy(tag => tag.Key).ToDictionary(group => group.Key, group => group.Last().Value ?? string.Empty, StringComparer.Ordinal));

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
