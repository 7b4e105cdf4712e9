using System.ComponentModel;
using Amazon.EC2.Model;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Clients;
using AwsMcp.Sandbox.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Server;

namespace AwsMcp.Bench.Tools;

/// <summary>An instance as the reference tool reports it.</summary>
/// <param name="Id">The instance id.</param>
/// <param name="Type">The instance type.</param>
/// <param name="State">Its state.</param>
/// <param name="Zone">Its availability zone.</param>
public sealed record BenchInstance(string Id, string Type, string State, string Zone);

/// <summary>
/// The reference row for <c>list_ec2_instances</c>: the same <c>DescribeInstances</c> call, through the same AWS client
/// (AwsMcp.Aws's factory, same retry and timeout settings) against the same sandbox, as a bare MCP SDK tool: the AWS
/// work without our pipeline.
/// </summary>
[McpServerToolType]
public sealed class BenchEc2Tools
{
    private static readonly ToolPackContext Pack = new(
        "Bench", new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["Aws:Region"] = "us-east-1" }, NullLoggerFactory.Instance);

    private static readonly AwsClientFactory Aws = AwsClientFactory.For(Pack);

    [McpServerTool(Name = "describe_instances_direct", ReadOnly = true)]
    [Description("Lists EC2 instances in us-east-1, straight from DescribeInstances.")]
    public static async Task<IReadOnlyList<BenchInstance>> DescribeInstancesAsync([Description("At most this many.")] int limit = 5, CancellationToken cancellationToken = default)
    {
        var context = SandboxToolContext.Call("describe_instances_direct", SandboxToolContext.Region);
        var response = await Aws.Ec2(context).DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = Math.Max(limit, 5) }, cancellationToken);
        return [.. response.Reservations.SelectMany(r => r.Instances).Take(limit)
            .Select(i => new BenchInstance(i.InstanceId, i.InstanceType?.Value ?? "", i.State?.Name?.Value ?? "", i.Placement?.AvailabilityZone ?? ""))];
    }
}
