using System.ComponentModel.DataAnnotations;
using Amazon.EC2;
using Amazon.EC2.Model;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Collections;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Compute.Ec2;

/// <summary>create_ec2_instance: launches instances from an AMI id or an allow-listed alias, idempotently and tagged.</summary>
[Toolset("ec2")]
[AwsTarget]
public sealed class InstanceLaunchTools
{
    private readonly AwsClientFactory _aws;
    private readonly ImageAliases _images;

    public InstanceLaunchTools(ToolPackContext pack)
    {
        _aws = AwsClientFactory.For(pack);
        _images = new ImageAliases(pack, _aws);
    }

    /// <summary>
    /// Launches EC2 instances from an AMI id or an image alias (al2023, al2023-arm64, ubuntu-24.04, windows-2022, or
    /// one the operator configured). Use when asked to create or launch instances; dry_run=true only checks the
    /// request. They are tagged with who created them. Repeating the same call returns the same instances; pass a new
    /// client_token to launch more.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="image">An AMI id (ami-…) or an image alias such as al2023 or ubuntu-24.04 (resolved to the newest image in the region).</param>
    /// <param name="instanceType">The instance type.</param>
    /// <param name="name">The Name tag.</param>
    /// <param name="subnetId">The subnet to launch into; defaults to the default VPC's default subnet.</param>
    /// <param name="keyName">An EC2 key pair for SSH access.</param>
    /// <param name="securityGroupIds">Security groups (sg-…); defaults to the VPC's default group.</param>
    /// <param name="tags">More tags (CreatedBy and ManagedBy are always set by the server).</param>
    /// <param name="count">How many identical instances to launch.</param>
    /// <param name="clientToken">An idempotency token; by default one is derived from the caller and the arguments.</param>
    /// <param name="dryRun">Only check permissions and parameters; launch nothing.</param>
    [Tool("create_ec2_instance", Title = "Create EC2 instances", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true)]
    public async Task<Ec2LaunchResult> CreateInstanceAsync(
        ToolContext ctx,
        [StringLength(128, MinimumLength = 1)] string image,
        [RegularExpression("[a-z0-9-]+\\.[a-z0-9-]+")] string instanceType = "t3.micro",
        [StringLength(256, MinimumLength = 1)] string? name = null,
        [RegularExpression("subnet-[0-9a-f]{8,17}")] string? subnetId = null,
        [StringLength(255, MinimumLength = 1)] string? keyName = null,
        [MaxLength(5)] IReadOnlyList<string>? securityGroupIds = null,
        IReadOnlyDictionary<string, string>? tags = null,
        [ResourceCount, Range(1, Ec2Limits.MaxInstancesPerCall)] int count = 1,
        [StringLength(LaunchClientToken.MaxLength, MinimumLength = 1)] string? clientToken = null,
        bool dryRun = false)
    {
        var allTags = ManagedTags.With(tags, ctx);
        if (name is not null)
        {
            allTags["Name"] = name;
        }

        var groups = (securityGroupIds ?? []).Select((id, index) => id.StartsWith("sg-", StringComparison.Ordinal)
            ? id
            : throw new ToolArgumentException($"security_group_ids[{index}]", $"'{id}' is not a security group id (sg-…).")).ToList();
        var (imageId, alias) = await _images.ResolveAsync(ctx, image);
        var regionName = _aws.Region(ctx);
        var token = clientToken ?? LaunchClientToken.Derive(ctx, regionName, imageId, instanceType, subnetId, keyName, groups, allTags, count);
        var ec2Tags = allTags.Select(tag => new Tag(tag.Key, tag.Value)).ToList();
        var request = new RunInstancesRequest
        {
            ImageId = imageId,
            InstanceType = InstanceType.FindValue(instanceType),
            MinCount = count,
            MaxCount = count,
            SubnetId = subnetId,
            KeyName = keyName,
            SecurityGroupIds = groups.Count > 0 ? groups : null,
            ClientToken = token,
            DryRun = dryRun,
            TagSpecifications =
            [
                new TagSpecification { ResourceType = ResourceType.Instance, Tags = ec2Tags },
                new TagSpecification { ResourceType = ResourceType.Volume, Tags = ec2Tags },
            ],
        };
        var target = _aws.Target(ctx, "ec2", "RunInstances");
        var what = $"{count} {instanceType} instance{(count == 1 ? string.Empty : "s")} from {imageId}{(alias is null ? string.Empty : $" ({alias})")} in {target.Where}";
        if (dryRun)
        {
            await Ec2DryRun.CheckAsync(ctx, target, ct => _aws.Ec2(ctx).RunInstancesAsync(request, ct));
            return new Ec2LaunchResult(true, $"Dry run: AWS says launching {what} would succeed. Nothing was launched.", imageId, alias, instanceType, token, null, [], allTags);
        }

        var response = await AwsCall.SdkAsync(ctx, target, ct => _aws.Ec2(ctx).RunInstancesAsync(request, ct));
        var reservation = response.Reservation;
        var instances = reservation?.Instances.OrEmpty().Select(instance => Ec2InstanceMapper.ToRecord(instance, detail: false)).ToList() ?? [];
        foreach (var instance in instances)
        {
            ctx.Audit.Resource(instance.InstanceId);
        }

        var message = $"Launched {what}: {string.Join(", ", instances.Select(instance => instance.InstanceId))}. They start in state pending.";
        return new Ec2LaunchResult(false, message, imageId, alias, instanceType, token, reservation?.ReservationId, instances, allTags);
    }
}
