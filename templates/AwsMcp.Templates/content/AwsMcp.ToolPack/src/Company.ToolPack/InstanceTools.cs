using System.ComponentModel.DataAnnotations;
using Amazon.EC2.Model;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Collections;
using AwsMcp.Aws.Tools;

namespace Company.ToolPack;

/// <summary>
/// The tools of this pack. The server creates one instance per plugin load (with the pack's settings) and calls its
/// tools concurrently, so keep it thread-safe. The AwsMcp generator turns each [Tool] method into an MCP tool;
/// [AwsTarget] gives every tool here the region and account arguments, which the server resolves into the ToolContext.
/// </summary>
[AwsTarget]
public sealed class InstanceTools(ToolPackContext pack)
{
    // The pack's shared client factory: connection pools and credentials are reused by every tool class.
    private readonly AwsClientFactory _aws = AwsClientFactory.For(pack);

    /// <summary>
    /// Lists the EC2 instances of one region with their type and state. Use to see what an account runs.
    /// </summary>
    /// <param name="ctx">The call: region, account, caller and cancellation, resolved by the server.</param>
    /// <param name="limit"></param>
    /// <param name="nextToken"></param>
    [Tool("company_toolpack_list_instances", Title = "List EC2 instances", ReadOnly = true, Idempotent = true)]
    public async Task<ToolPage<InstanceSummary>> ListInstancesAsync(
        ToolContext ctx,
        [Narrows, Range(1, ToolPaging.MaxLimit)] int limit = ToolPaging.DefaultLimit,
        [Narrows, PageToken] string? nextToken = null)
    {
        // Fills the page from as many AWS pages as it takes (DescribeInstances answers 5 to 1000 at a time).
        return await PageCollector.CollectAsync(nextToken, limit, (5, 1000), async (token, size) =>
        {
            var request = new DescribeInstancesRequest { MaxResults = size, NextToken = token };
            // AwsCall records the request in the call's audit record and turns AWS errors into plain messages.
            var response = await AwsCall.SdkAsync(ctx, _aws.Target(ctx, "ec2", "DescribeInstances"), ct => _aws.Ec2(ctx).DescribeInstancesAsync(request, ct));
            var instances = response.Reservations.OrEmpty()
                .SelectMany(reservation => reservation.Instances.OrEmpty())
                .Select(instance => new InstanceSummary(instance.InstanceId, instance.InstanceType?.Value ?? "", instance.State?.Name?.Value ?? "unknown"))
                .ToList();
            return new AwsPage<InstanceSummary>(instances, response.NextToken);
        });
    }
}
