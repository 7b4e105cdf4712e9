using System.Xml.Linq;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Protocols;
using AwsMcp.Sandbox.Protocols.AwsQuery;

namespace AwsMcp.Sandbox.Services.Ec2;

/// <summary>DescribeImages, DescribeRegions and DescribeAvailabilityZones: what exists, rather than what the account runs.</summary>
internal sealed class Ec2CatalogOperations(Ec2Estate estate)
{
    public SandboxResponse DescribeImages(SandboxRequest request, Ec2RegionState state, DateTimeOffset now)
    {
        var form = request.Form;
        var ids = Ec2QueryParameters.Strings(form, "ImageId");
        var malformed = ids.FirstOrDefault(id => !Ec2Ids.IsWellFormed("ami", id));
        if (malformed is not null)
        {
            throw new SandboxServiceException(400, "InvalidAMIID.Malformed", $"Invalid id: \"{malformed}\" (expecting \"ami-...\")");
        }

        var visible = estate.ImagesVisibleTo(state.Account, state.Region).ToList();
        var missing = ids.Where(id => visible.All(i => i.ImageId != id)).ToList();
        if (missing.Count > 0)
        {
            throw new SandboxServiceException(400, "InvalidAMIID.NotFound", $"The image id '[{string.Join(", ", missing)}]' does not exist");
        }

        var owners = Ec2QueryParameters.Strings(form, "Owner");
        var filters = Ec2QueryParameters.Filters(form);
        var images = visible
            .Where(image => ids.Count == 0 || ids.Contains(image.ImageId))
            .Where(image => owners.Count == 0 || owners.Any(owner => OwnedBy(image, owner, state.Account)))
            .Where(image => filters.All(filter => filter.Matches(ImageFilterValues(image, filter.Name))));
        return Ec2QueryProtocol.Response("DescribeImages", request.RequestId, Ec2QueryProtocol.Set("imagesSet", images.Select(Image)));
    }

    public SandboxResponse DescribeRegions(SandboxRequest request, Ec2RegionState state, DateTimeOffset now)
    {
        var form = request.Form;
        var names = Ec2QueryParameters.Strings(form, "RegionName");
        var unknown = names.FirstOrDefault(name => Ec2Regions.All.All(r => r.Name != name));
        if (unknown is not null)
        {
            throw new SandboxServiceException(400, "InvalidParameterValue", $"Invalid region: {unknown}");
        }

        var all = Ec2QueryParameters.Bool(form, "AllRegions");
        var filters = Ec2QueryParameters.Filters(form);
        var regions = Ec2Regions.All
            .Where(r => names.Count > 0 ? names.Contains(r.Name) : all || r.OptInStatus != Ec2Regions.NotOptedIn)
            .Where(r => filters.All(filter => filter.Matches(filter.Name switch
            {
                "region-name" => [r.Name],
                "opt-in-status" => [r.OptInStatus],
                "endpoint" => [Endpoint(r.Name)],
                _ => throw new SandboxServiceException(400, "InvalidParameterValue", $"The filter '{filter.Name}' is invalid"),
            })))
            .Select(r => Ec2QueryProtocol.Item(
                new XElement("regionName", r.Name),
                new XElement("regionEndpoint", Endpoint(r.Name)),
                new XElement("optInStatus", r.OptInStatus)));
        return Ec2QueryProtocol.Response("DescribeRegions", request.RequestId, Ec2QueryProtocol.Set("regionInfo", regions));
    }

    public SandboxResponse DescribeAvailabilityZones(SandboxRequest request, Ec2RegionState state, DateTimeOffset now)
    {
        var form = request.Form;
        var names = Ec2QueryParameters.Strings(form, "ZoneName");
        var zoneIds = Ec2QueryParameters.Strings(form, "ZoneId");
        var zones = Ec2Regions.AvailabilityZones(state.Region);
        var unknown = names.FirstOrDefault(name => !zones.Contains(name)) ?? zoneIds.FirstOrDefault(id => !zones.Select(Ec2Regions.ZoneId).Contains(id));
        if (unknown is not null)
        {
            throw new SandboxServiceException(400, "InvalidParameterValue", $"The zone '{unknown}' does not exist.");
        }

        var filters = Ec2QueryParameters.Filters(form);
        var items = zones
            .Where(zone => (names.Count == 0 || names.Contains(zone)) && (zoneIds.Count == 0 || zoneIds.Contains(Ec2Regions.ZoneId(zone))))
            .Where(zone => filters.All(filter => filter.Matches(filter.Name switch
            {
                "zone-name" => [zone],
                "zone-id" => [Ec2Regions.ZoneId(zone)],
                "region-name" => [state.Region],
                "state" => ["available"],
                _ => throw new SandboxServiceException(400, "InvalidParameterValue", $"The filter '{filter.Name}' is invalid"),
            })))
            .Select(zone => Ec2QueryProtocol.Item(
                new XElement("zoneName", zone),
                new XElement("zoneState", "available"),
                new XElement("regionName", state.Region),
                new XElement("zoneId", Ec2Regions.ZoneId(zone)),
                new XElement("zoneType", "availability-zone"),
                new XElement("optInStatus", Ec2Regions.OptInNotRequired),
                new XElement("groupName", state.Region),
                new XElement("networkBorderGroup", state.Region),
                new XElement("messageSet")));
        return Ec2QueryProtocol.Response("DescribeAvailabilityZones", request.RequestId, Ec2QueryProtocol.Set("availabilityZoneInfo", items));
    }

    private static string Endpoint(string region) => $"ec2.{region}.amazonaws.com";

    private static bool OwnedBy(Ec2Image image, string owner, string account) => owner switch
    {
        "self" => image.OwnerId == account,
        "amazon" => image.OwnerAlias == "amazon",
        _ => image.OwnerId == owner,
    };

    private static IEnumerable<string?> ImageFilterValues(Ec2Image image, string filterName) => filterName switch
    {
        "name" => [image.Name],
        "image-id" => [image.ImageId],
        "architecture" => [image.Architecture],
        "owner-id" => [image.OwnerId],
        "owner-alias" => [image.OwnerAlias],
        "platform" => [image.Platform],
        "is-public" => [XmlBody.Boolean(image.IsPublic)],
        "state" => ["available"],
        _ => throw new SandboxServiceException(400, "InvalidParameterValue", $"The filter '{filterName}' is invalid"),
    };

    private static XElement Image(Ec2Image image) =>
        Ec2QueryProtocol.Item(
            new XElement("imageId", image.ImageId),
            new XElement("imageLocation", $"{image.OwnerAlias ?? image.OwnerId}/{image.Name}"),
            new XElement("imageState", "available"),
            new XElement("imageOwnerId", image.OwnerId),
            new XElement("creationDate", XmlBody.Timestamp(image.CreationDate)),
            new XElement("isPublic", XmlBody.Boolean(image.IsPublic)),
            new XElement("architecture", image.Architecture),
            new XElement("imageType", "machine"),
            image.Platform is null ? null : new XElement("platform", image.Platform),
            new XElement("platformDetails", image.Platform is null ? "Linux/UNIX" : "Windows"),
            new XElement("usageOperation", image.Platform is null ? "RunInstances" : "RunInstances:0002"),
            image.OwnerAlias is null ? null : new XElement("imageOwnerAlias", image.OwnerAlias),
            new XElement("name", image.Name),
            new XElement("description", image.Description),
            new XElement("rootDeviceType", "ebs"),
            new XElement("rootDeviceName", "/dev/xvda"),
            new XElement("virtualizationType", "hvm"),
            new XElement("hypervisor", "xen"),
            new XElement("enaSupport", "true"));
}
