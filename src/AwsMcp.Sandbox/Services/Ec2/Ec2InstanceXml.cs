using System.Globalization;
using System.Xml.Linq;
using AwsMcp.Sandbox.Protocols;
using AwsMcp.Sandbox.Protocols.AwsQuery;

namespace AwsMcp.Sandbox.Services.Ec2;

/// <summary>How instances, reservations and state changes look in EC2 XML.</summary>
internal static class Ec2InstanceXml
{
    /// <summary>A <c>reservationSet</c> item: consecutive instances of one reservation.</summary>
    public static XElement Reservation(string reservationId, string ownerId, IEnumerable<Ec2Instance> instances) =>
        Ec2QueryProtocol.Item(
            new XElement("reservationId", reservationId),
            new XElement("ownerId", ownerId),
            new XElement("groupSet"),
            Ec2QueryProtocol.Set("instancesSet", instances.Select(Instance)));

    /// <summary>Groups instances (in order) into reservations, as DescribeInstances answers.</summary>
    public static IEnumerable<XElement> Reservations(IEnumerable<Ec2Instance> instances)
    {
        var groups = new List<List<Ec2Instance>>();
        foreach (var instance in instances)
        {
            if (groups.Count == 0 || groups[^1][0].ReservationId != instance.ReservationId)
            {
                groups.Add([]);
            }

            groups[^1].Add(instance);
        }

        return groups.Select(group => Reservation(group[0].ReservationId, group[0].OwnerId, group));
    }

    public static XElement Instance(Ec2Instance instance) =>
        Ec2QueryProtocol.Item(
            new XElement("instanceId", instance.InstanceId),
            new XElement("imageId", instance.Image.ImageId),
            State("instanceState", instance.State),
            new XElement("privateDnsName", instance.PrivateDnsName),
            new XElement("dnsName", instance.PublicDnsName ?? ""),
            new XElement("reason", instance.StateTransitionReason),
            instance.KeyName is null ? null : new XElement("keyName", instance.KeyName),
            new XElement("amiLaunchIndex", instance.LaunchIndex.ToString(CultureInfo.InvariantCulture)),
            new XElement("productCodes"),
            new XElement("instanceType", instance.InstanceType),
            // EC2 reports launch times to the second.
            new XElement("launchTime", XmlBody.Timestamp(instance.LaunchTime.AddTicks(-(instance.LaunchTime.Ticks % TimeSpan.TicksPerSecond)))),
            new XElement(
                "placement",
                new XElement("availabilityZone", instance.Subnet.AvailabilityZone),
                new XElement("groupName"),
                new XElement("tenancy", "default")),
            instance.Image.Platform is null ? null : new XElement("platform", instance.Image.Platform),
            new XElement("platformDetails", instance.Image.Platform is null ? "Linux/UNIX" : "Windows"),
            new XElement("monitoring", new XElement("state", "disabled")),
            new XElement("subnetId", instance.Subnet.SubnetId),
            new XElement("vpcId", instance.Subnet.VpcId),
            new XElement("privateIpAddress", instance.PrivateIpAddress),
            instance.PublicIpAddress is null ? null : new XElement("ipAddress", instance.PublicIpAddress),
            Ec2QueryProtocol.Set("groupSet", instance.SecurityGroupIds.Select(id => Ec2QueryProtocol.Item(new XElement("groupId", id)))),
            StateReason(instance),
            new XElement("architecture", instance.Image.Architecture),
            new XElement("rootDeviceType", "ebs"),
            new XElement("rootDeviceName", "/dev/xvda"),
            new XElement("virtualizationType", "hvm"),
            Ec2QueryProtocol.Set("tagSet", instance.Tags.Select(t => Ec2QueryProtocol.Item(new XElement("key", t.Key), new XElement("value", t.Value)))),
            new XElement("hypervisor", "xen"),
            new XElement("ebsOptimized", "false"),
            new XElement("enaSupport", "true"));

    /// <summary>An <c>instancesSet</c> item of Start/Stop/TerminateInstances.</summary>
    public static XElement StateChange(string instanceId, Ec2InstanceState previous, Ec2InstanceState current) =>
        Ec2QueryProtocol.Item(
            new XElement("instanceId", instanceId),
            State("currentState", current),
            State("previousState", previous));

    private static XElement State(string name, Ec2InstanceState state) =>
        new(name, new XElement("code", state.Code.ToString(CultureInfo.InvariantCulture)), new XElement("name", state.Name));

    /// <summary>Stopped and terminated instances say why; the sandbox only ever stops them at a user's request.</summary>
    private static XElement? StateReason(Ec2Instance instance) =>
        instance.State == Ec2InstanceState.Running || instance.State == Ec2InstanceState.Pending
            ? null
            : new XElement(
                "stateReason",
                new XElement("code", "Client.UserInitiatedShutdown"),
                new XElement("message", "Client.UserInitiatedShutdown: User initiated shutdown"));
}
