using System.ComponentModel.DataAnnotations;
using Amazon.EC2.Model;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Collections;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Compute.Ec2;

/// <summary>Read-only EC2 tools: instances and regions.</summary>
/// <remarks>
/// Every tool takes <c>region</c> and <c>account</c>: the host resolves them into <see cref="ToolContext.Region"/> and
/// <see cref="ToolContext.Account"/> before the call, so the methods read the context rather than the parameters.
/// <c>list_ec2_instances</c> fans out instead (<c>regions</c>, <c>accounts</c>): the host calls it once per target, each
/// with its own context, and merges the pages.
/// </remarks>
[Toolset("ec2")]
[AwsTarget]
public sealed class InstanceTools(ToolPackContext pack)
{
    private readonly AwsClientFactory _aws = AwsClientFactory.For(pack);

    /// <summary>
    /// Lists EC2 instances with type, state and IPs. Use to find instances by state, tag or id.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="states">Only these states.</param>
    /// <param name="tags">Tag filters by key; * and ? wildcards.</param>
    /// <param name="instanceIds"></param>
    /// <param name="detail">Full records.</param>
    /// <param name="limit"></param>
    /// <param name="nextToken"></param>
    [AwsTarget(FanOut = true)]
    [Tool("list_ec2_instances", Title = "List EC2 instances", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    public async Task<ToolPage<Ec2Instance>> ListInstancesAsync(
        ToolContext ctx,
        [Narrows] IReadOnlyList<Ec2InstanceStateFilter>? states = null,
        [Narrows] IReadOnlyDictionary<string, string>? tags = null,
        [Narrows, MaxLength(ToolPaging.MaxLimit)] IReadOnlyList<string>? instanceIds = null,
        bool detail = false,
        [Narrows, PageSize, Range(1, ToolPaging.MaxLimit)] int limit = ToolPaging.DefaultLimit,
        [Narrows, PageToken] string? nextToken = null)
    {
        var ids = InstanceIds.Validate(instanceIds);
        var filters = Filters(states, tags);
        var page = await PageCollector.CollectAsync(
            nextToken,
            limit,
            (Ec2Limits.MinDescribePageSize, Ec2Limits.MaxDescribePageSize),
            async (token, size) =>
            {
                // EC2 refuses MaxResults together with instance ids; the ids bound the answer anyway.
                var request = new DescribeInstancesRequest
                {
                    InstanceIds = ids.Count > 0 ? ids : null,
                    Filters = filters.Count > 0 ? filters : null,
                    MaxResults = ids.Count > 0 ? null : size,
                    NextToken = token,
                };
                var response = await AwsCall.SdkAsync(ctx, _aws.Target(ctx, "ec2", "DescribeInstances"), ct => _aws.Ec2(ctx).DescribeInstancesAsync(request, ct));
                var instances = response.Reservations.OrEmpty()
                    .SelectMany(reservation => reservation.Instances.OrEmpty().Select(instance => Ec2InstanceMapper.ToRecord(instance, detail, reservation.ReservationId)))
                    .ToList();
                return new AwsPage<Ec2Instance>(instances, response.NextToken);
            });
        return page;
    }

    /// <summary>
    /// Describes one EC2 instance in full. Use when you know its id.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="instanceId">e.g. i-0abc12345def67890.</param>
    [Tool("describe_ec2_instance", Title = "Describe an EC2 instance", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    public async Task<Ec2Instance> DescribeInstanceAsync(
        ToolContext ctx,
        [TargetResource, RegularExpression(Ec2Limits.InstanceIdPattern)] string instanceId)
    {
        var request = new DescribeInstancesRequest { InstanceIds = [instanceId] };
        var response = await AwsCall.SdkAsync(ctx, _aws.Target(ctx, "ec2", "DescribeInstances"), ct => _aws.Ec2(ctx).DescribeInstancesAsync(request, ct));
        var found = response.Reservations.OrEmpty()
            .SelectMany(reservation => reservation.Instances.OrEmpty().Select(instance => (reservation.ReservationId, Instance: instance)))
            .FirstOrDefault(pair => pair.Instance.InstanceId == instanceId);
        if (found.Instance is null)
        {
            throw new ToolException($"Instance {instanceId} was not found in {_aws.Region(ctx)}.");
        }

        ctx.Audit.Resource(instanceId);
        return Ec2InstanceMapper.ToRecord(found.Instance, detail: true, found.ReservationId);
    }

    /// <summary>
    /// Lists the regions this account can use. Use for valid region names.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="includeNotOptedIn">Also regions not opted in.</param>
    /// <param name="limit"></param>
    /// <param name="nextToken"></param>
    [AwsTarget(Region = false)]
    [Tool("list_ec2_regions", Title = "List AWS regions", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    public async Task<ToolPage<Ec2Region>> ListRegionsAsync(
        ToolContext ctx,
        bool includeNotOptedIn = false,
        [Narrows, Range(1, ToolPaging.MaxLimit)] int limit = ToolPaging.DefaultLimit,
        [Narrows, PageToken] string? nextToken = null)
    {
        // DescribeRegions answers every region at once; the page token only carries the offset into that list.
        var page = await PageCollector.CollectAsync(nextToken, limit, (1, ToolPaging.MaxLimit), async (_, _) =>
        {
            var request = new DescribeRegionsRequest { AllRegions = includeNotOptedIn };
            var response = await AwsCall.SdkAsync(ctx, _aws.Target(ctx, "ec2", "DescribeRegions"), ct => _aws.Ec2(ctx).DescribeRegionsAsync(request, ct));
            var regions = response.Regions.OrEmpty()
                .OrderBy(item => item.RegionName, StringComparer.Ordinal)
                .Select(item => new Ec2Region(item.RegionName, item.OptInStatus, item.Endpoint))
                .ToList();
            return new AwsPage<Ec2Region>(regions, NextToken: null);
        });
        return page;
    }

    private static List<Filter> Filters(IReadOnlyList<Ec2InstanceStateFilter>? states, IReadOnlyDictionary<string, string>? tags)
    {
        var filters = new List<Filter>();
        if (states is { Count: > 0 })
        {
            filters.Add(new Filter("instance-state-name", [.. states.Distinct().Select(StateName)]));
        }

        foreach (var (key, value) in tags ?? new Dictionary<string, string>())
        {
            filters.Add(new Filter("tag:" + key, [value]));
        }

        return filters;
    }

    private static string StateName(Ec2InstanceStateFilter state) => state switch
    {
        Ec2InstanceStateFilter.ShuttingDown => "shutting-down",
        _ => state.ToString().ToLowerInvariant(),
    };
}
