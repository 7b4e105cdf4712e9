using Amazon.EC2.Model;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Collections;
using AwsMcp.Aws.Tools;

namespace Company.ToolPack;

/// <summary>
/// The tools of this pack. The server creates one instance per plugin load (with the pack's settings) and calls its
/// tools concurrently, so keep it thread-safe. The AwsMcp generator turns each [Tool] method into an MCP tool.
/// </summary>
public sealed class InstanceTools(ToolPackContext pack) : IDisposable
{
    private readonly AwsClientFactory _aws = new(pack);

    /// <summary>
    /// Counts the EC2 instances in one region by state (pending, running, stopping, stopped, ...). Use for a quick
    /// overview of how many instances an account runs.
    /// </summary>
    /// <param name="ctx">The call: region, account, caller and cancellation, resolved by the server.</param>
    /// <param name="region">AWS region, e.g. eu-west-1; defaults to the server's region.</param>
    /// <param name="account">A configured account name; defaults to the server's own account.</param>
    [Tool("company_toolpack_count_instances", Title = "Count EC2 instances by state", ReadOnly = true, Idempotent = true)]
    public async Task<InstanceCounts> CountInstancesAsync(ToolContext ctx, string? region = null, string? account = null)
    {
        // region and account are in the signature for the schema; the server has already resolved them into ctx.
        var target = new AwsCallTarget("ec2", "DescribeInstances", _aws.Region(ctx), ctx.Account);
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

    public void Dispose() => _aws.Dispose();
}
