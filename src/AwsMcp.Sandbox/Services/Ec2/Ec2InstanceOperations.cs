using System.Globalization;
using System.Xml.Linq;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Protocols.AwsQuery;

namespace AwsMcp.Sandbox.Services.Ec2;

/// <summary>DescribeInstances, DescribeInstanceAttribute, RunInstances and the state changes (start, stop, reboot, terminate).</summary>
internal sealed class Ec2InstanceOperations(Ec2Estate estate)
{
    private const string DescribeInstancesListing = "ec2:DescribeInstances";

    /// <summary>The most instances one RunInstances may launch: the sandbox's stand-in for the vCPU quota.</summary>
    private const int InstanceLimit = 50;

    public SandboxResponse DescribeInstances(SandboxRequest request, Ec2RegionState state, DateTimeOffset now)
    {
        var form = request.Form;
        var ids = Ec2QueryParameters.Strings(form, "InstanceId");
        var maxResults = Ec2QueryParameters.Int(form, "MaxResults");
        if (maxResults is not null && ids.Count > 0)
        {
            throw new SandboxServiceException(400, "InvalidParameterCombination", "The parameter instancesSet cannot be used with the parameter maxResults");
        }

        if (maxResults is < 5 or > 1000)
        {
            throw new SandboxServiceException(
                400,
                "InvalidParameterValue",
                $"Value ( {maxResults} ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.");
        }

        var filters = Ec2QueryParameters.Filters(form);
        var offset = form.TryGetValue("NextToken", out var token) ? ParseOffset(token) : 0;
        lock (state.Gate)
        {
            var matching = (ids.Count > 0 ? Find(state, ids, now) : Visible(state, now))
                .Where(instance => filters.All(filter => Matches(instance, filter)))
                .ToList();
            var page = matching.Skip(offset).Take(maxResults ?? int.MaxValue).ToList();
            var next = offset + page.Count < matching.Count ? PageToken.Encode(DescribeInstancesListing, (offset + page.Count).ToString(CultureInfo.InvariantCulture)) : null;
            return Ec2QueryProtocol.Response(
                "DescribeInstances",
                request.RequestId,
                Ec2QueryProtocol.Set("reservationSet", Ec2InstanceXml.Reservations(page)),
                next is null ? null : new XElement("nextToken", next));
        }
    }

    public SandboxResponse DescribeInstanceAttribute(SandboxRequest request, Ec2RegionState state, DateTimeOffset now)
    {
        var id = Ec2QueryParameters.Required(request.Form, "InstanceId");
        var attribute = Ec2QueryParameters.Required(request.Form, "Attribute");
        lock (state.Gate)
        {
            var instance = Find(state, [id], now)[0];
            XElement value = attribute switch
            {
                "userData" => new XElement("userData", instance.UserData is null ? null : new XElement("value", instance.UserData)),
                "instanceType" => new XElement("instanceType", new XElement("value", instance.InstanceType)),
                "disableApiTermination" => new XElement("disableApiTermination", new XElement("value", "false")),
                _ => throw Ec2QueryParameters.InvalidValue("Attribute", attribute),
            };
            return Ec2QueryProtocol.Response("DescribeInstanceAttribute", request.RequestId, new XElement("instanceId", id), value);
        }
    }

    public SandboxResponse RunInstances(SandboxRequest request, Ec2RegionState state, DateTimeOffset now)
    {
        var form = request.Form;
        var imageId = Ec2QueryParameters.Required(form, "ImageId");
        var minCount = Ec2QueryParameters.Int(form, "MinCount")
            ?? throw new SandboxServiceException(400, "MissingParameter", "The request must contain the parameter MinCount");
        var maxCount = Ec2QueryParameters.Int(form, "MaxCount")
            ?? throw new SandboxServiceException(400, "MissingParameter", "The request must contain the parameter MaxCount");
        if (minCount < 1 || maxCount < minCount)
        {
            throw new SandboxServiceException(400, "InvalidParameterValue", $"Invalid MinCount ({minCount}) / MaxCount ({maxCount}): expecting 1 <= MinCount <= MaxCount.");
        }

        if (minCount > InstanceLimit)
        {
            throw new SandboxServiceException(
                400,
                "InstanceLimitExceeded",
                $"You have requested more instances ({minCount}) than your current instance limit of {InstanceLimit} allows for the specified instance type.");
        }

        var instanceType = form.GetValueOrDefault("InstanceType") ?? "m1.small";
        if (!instanceType.Contains('.', StringComparison.Ordinal) || !instanceType.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-'))
        {
            throw Ec2QueryParameters.InvalidValue("InstanceType", instanceType);
        }

        if (!Ec2Ids.IsWellFormed("ami", imageId))
        {
            throw new SandboxServiceException(400, "InvalidAMIID.Malformed", $"Invalid id: \"{imageId}\" (expecting \"ami-...\")");
        }

        var image = estate.ImagesVisibleTo(state.Account, state.Region).FirstOrDefault(i => i.ImageId == imageId)
            ?? throw new SandboxServiceException(400, "InvalidAMIID.NotFound", $"The image id '[{imageId}]' does not exist");

        lock (state.Gate)
        {
            var clientToken = form.GetValueOrDefault("ClientToken");
            var fingerprint = string.Join('&', form.Where(p => p.Key is not ("ClientToken" or "DryRun")).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
            if (clientToken is not null && state.ClientTokens.TryGetValue(clientToken, out var earlier))
            {
                return earlier.Fingerprint == fingerprint
                    ? RunInstancesResponse(request, state, earlier.ReservationId, [.. state.Instances.Where(i => i.ReservationId == earlier.ReservationId)])
                    : throw new SandboxServiceException(400, "IdempotentParameterMismatch", "The client token you have provided is associated with a resource that is already deleted or a request with different parameters. Please use a different client token.");
            }

            var subnet = ChooseSubnet(form, state);
            var reservationId = Ec2Ids.New("r");
            var tags = Ec2QueryParameters.Tags(form, "instance");
            var securityGroups = Ec2QueryParameters.Strings(form, "SecurityGroupId");
            var launched = new List<Ec2Instance>();
            for (var index = 0; index < Math.Min(maxCount, InstanceLimit); index++)
            {
                var instance = new Ec2Instance
                {
                    InstanceId = Ec2Ids.New("i"),
                    ReservationId = reservationId,
                    OwnerId = state.Account,
                    Region = state.Region,
                    Image = image,
                    InstanceType = instanceType,
                    Subnet = subnet,
                    PrivateIpAddress = $"172.31.{subnet.ThirdOctetBase + 2 + (state.Instances.Count / 200)}.{10 + (state.Instances.Count % 200)}",
                    AssignedPublicIp = $"3.90.{state.Instances.Count / 250}.{1 + (state.Instances.Count % 250)}",
                    KeyName = form.GetValueOrDefault("KeyName"),
                    SecurityGroupIds = securityGroups.Count > 0 ? securityGroups : [state.DefaultSecurityGroupId],
                    Tags = tags,
                    UserData = form.GetValueOrDefault("UserData"),
                    LaunchTime = now,
                    LaunchIndex = index,
                    State = Ec2InstanceState.Pending,
                };
                instance.BeginTransition(Ec2InstanceState.Pending, Ec2InstanceState.Running, now);
                state.Instances.Add(instance);
                launched.Add(instance);
            }

            if (clientToken is not null)
            {
                state.ClientTokens[clientToken] = (reservationId, fingerprint);
            }

            return RunInstancesResponse(request, state, reservationId, launched);
        }
    }

    public SandboxResponse StartInstances(SandboxRequest request, Ec2RegionState state, DateTimeOffset now) =>
        ChangeState(request, state, now, "StartInstances", i => i.CanStart, (i, at) => i.Start(at), "started");

    public SandboxResponse StopInstances(SandboxRequest request, Ec2RegionState state, DateTimeOffset now) =>
        ChangeState(request, state, now, "StopInstances", i => i.CanStop, (i, at) => i.Stop(at), "stopped");

    public SandboxResponse TerminateInstances(SandboxRequest request, Ec2RegionState state, DateTimeOffset now) =>
        ChangeState(request, state, now, "TerminateInstances", _ => true, (i, at) => i.Terminate(at), "terminated");

    public SandboxResponse RebootInstances(SandboxRequest request, Ec2RegionState state, DateTimeOffset now)
    {
        lock (state.Gate)
        {
            RefuseAny(Find(state, RequiredIds(request), now), i => i.CanReboot, "rebooted");
            return Ec2QueryProtocol.Response("RebootInstances", request.RequestId, new XElement("return", "true"));
        }
    }

    /// <summary>Applies a state change to every named instance, or to none when one of them cannot make it.</summary>
    private static SandboxResponse ChangeState(
        SandboxRequest request,
        Ec2RegionState state,
        DateTimeOffset now,
        string action,
        Func<Ec2Instance, bool> allowed,
        Action<Ec2Instance, DateTimeOffset> change,
        string verb)
    {
        lock (state.Gate)
        {
            var instances = Find(state, RequiredIds(request), now);
            RefuseAny(instances, allowed, verb);
            var items = instances.Select(instance =>
            {
                var previous = instance.State;
                change(instance, now);
                return Ec2InstanceXml.StateChange(instance.InstanceId, previous, instance.State);
            }).ToList();
            return Ec2QueryProtocol.Response(action, request.RequestId, Ec2QueryProtocol.Set("instancesSet", items));
        }
    }

    private static void RefuseAny(IEnumerable<Ec2Instance> instances, Func<Ec2Instance, bool> allowed, string verb)
    {
        var refused = instances.FirstOrDefault(i => !allowed(i));
        if (refused is not null)
        {
            throw new SandboxServiceException(400, "IncorrectInstanceState", $"The instance '{refused.InstanceId}' is not in a state from which it can be {verb}.");
        }
    }

    private static IReadOnlyList<string> RequiredIds(SandboxRequest request)
    {
        var ids = Ec2QueryParameters.Strings(request.Form, "InstanceId");
        return ids.Count > 0 ? ids : throw new SandboxServiceException(400, "MissingParameter", "The request must contain the parameter InstanceId");
    }

    /// <summary>The named instances, settled; malformed ids and unknown (or long-gone) ones fail the whole call, as on EC2.</summary>
    private static List<Ec2Instance> Find(Ec2RegionState state, IReadOnlyList<string> ids, DateTimeOffset now)
    {
        var malformed = ids.FirstOrDefault(id => !Ec2Ids.IsWellFormed("i", id));
        if (malformed is not null)
        {
            throw new SandboxServiceException(400, "InvalidInstanceID.Malformed", $"Invalid id: \"{malformed}\"");
        }

        var visible = Visible(state, now).ToDictionary(i => i.InstanceId, StringComparer.Ordinal);
        var missing = ids.Where(id => !visible.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
        {
            throw new SandboxServiceException(
                400,
                "InvalidInstanceID.NotFound",
                missing.Count == 1
                    ? $"The instance ID '{missing[0]}' does not exist"
                    : $"The instance IDs '{string.Join(", ", missing)}' do not exist");
        }

        return [.. ids.Distinct().Select(id => visible[id])];
    }

    private static IEnumerable<Ec2Instance> Visible(Ec2RegionState state, DateTimeOffset now)
    {
        foreach (var instance in state.Instances)
        {
            instance.Settle(now);
        }

        return state.Instances.Where(i => i.IsVisible(now));
    }

    private static bool Matches(Ec2Instance instance, Ec2Filter filter) =>
        filter.Matches(Ec2InstanceFilterFields.Values(instance, filter.Name)
            ?? throw new SandboxServiceException(400, "InvalidParameterValue", $"The filter '{filter.Name}' is invalid"));

    private static int ParseOffset(string token) =>
        PageToken.Decode(DescribeInstancesListing, token) is { } position && int.TryParse(position, CultureInfo.InvariantCulture, out var offset) && offset >= 0
            ? offset
            : throw new SandboxServiceException(400, "InvalidParameterValue", $"The value '{token}' for NextToken is invalid.");

    private static Ec2Subnet ChooseSubnet(IReadOnlyDictionary<string, string> form, Ec2RegionState state)
    {
        if (form.TryGetValue("SubnetId", out var subnetId))
        {
            return state.Subnets.FirstOrDefault(s => s.SubnetId == subnetId)
                ?? throw new SandboxServiceException(400, "InvalidSubnetID.NotFound", $"The subnet ID '{subnetId}' does not exist");
        }

        if (form.TryGetValue("Placement.AvailabilityZone", out var zone))
        {
            return state.Subnets.FirstOrDefault(s => s.AvailabilityZone == zone)
                ?? throw new SandboxServiceException(400, "InvalidParameterValue", $"Invalid availability zone: [{zone}]");
        }

        return state.Subnets[0];
    }

    private static SandboxResponse RunInstancesResponse(SandboxRequest request, Ec2RegionState state, string reservationId, IReadOnlyList<Ec2Instance> instances) =>
        Ec2QueryProtocol.Response(
            "RunInstances",
            request.RequestId,
            new XElement("reservationId", reservationId),
            new XElement("ownerId", state.Account),
            new XElement("groupSet"),
            Ec2QueryProtocol.Set("instancesSet", instances.Select(Ec2InstanceXml.Instance)));
}
