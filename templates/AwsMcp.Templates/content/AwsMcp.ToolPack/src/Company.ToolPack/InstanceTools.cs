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
    /// Counts the EC2 instances in one region by state (pending, running, stopping, stopped, ...). Use for a quick
    /// overview of how many instances an account runs.
    /// </summary>
    /// <param name="ctx">The call: region, account, caller and cancellation, resolved by the server.</param>
    [Tool("company_toolpack_count_instances", Title = "Count EC2 instances by state", ReadOnly = true, Idempotent = true)]
    public async Task<InstanceCounts> CountInstancesAsync(ToolContext ctx)
    {
        var target = _aws.Target(ctx, "ec2", "DescribeInstances");
        var byState = new SortedDictionary<string, int>(StringComparer.Ordinal);
        string? nextToken = null;
        do
        {
            var request = new DescribeInstancesRequest { NextToken = nextToken, MaxResults = 1000 };
            var response = await AwsCall.SdkAsync(ctx, target, ct => _aws.Ec2(ctx).DescribeInstancesAsync(request, ct));
            foreach (var instance in response.Reservations.OrEmpty().SelectMany(r => r.Instances.OrEmpty()))
            {
                var state = instance.State?.Name?.Value ?? "unknown";
                byState[state] = byState.GetValueOrDefault(state) + 1;
            }

            nextToken = response.NextToken;
        }
        while (!string.IsNullOrEmpty(nextToken));

        return new InstanceCounts(byState.Values.Sum(), byState);
    }
}
