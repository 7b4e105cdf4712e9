using System.ComponentModel.DataAnnotations;
using Amazon.EC2.Model;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Collections;
using AwsMcp.Aws.Tools;

namespace TagCompliance;

/// <summary>
/// Tag-compliance checks. One instance per plugin load serves concurrent calls; it holds no per-call state.
/// [AwsTarget] adds the region and account arguments; the server resolves them into the ToolContext.
/// </summary>
[AwsTarget]
public sealed class TagComplianceTools(ToolPackContext pack)
{
    private const string TerminatedState = "terminated";

    private readonly AwsClientFactory _aws = AwsClientFactory.For(pack);

    /// <summary>
    /// Lists the EC2 instances in one region that miss any of the required tags (a tag with an empty value counts as
    /// missing). Use to audit a tagging policy, e.g. required_tags ["Owner", "CostCenter"]. Terminated instances are
    /// skipped.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="requiredTags">Tag keys every instance must have (case-sensitive, as in AWS).</param>
    /// <param name="limit">At most this many non-compliant instances are listed; the counts cover all.</param>
    [Tool("check_tag_compliance", Title = "Check EC2 tag compliance", ReadOnly = true, Idempotent = true)]
    public async Task<TagComplianceReport> CheckTagComplianceAsync(
        ToolContext ctx,
        [MinLength(1), MaxLength(50)] IReadOnlyList<string> requiredTags,
        [Narrows, Range(1, 1000)] int limit = 100)
    {
        var required = requiredTags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (required.Count == 0)
        {
            throw new ToolArgumentException("required_tags", "name at least one non-empty tag key");
        }

        var target = _aws.Target(ctx, "ec2", "DescribeInstances");
        var nonCompliant = new List<NonCompliantInstance>();
        var checkedCount = 0;
        var nonCompliantCount = 0;
        string? nextToken = null;
        do
        {
            var request = new DescribeInstancesRequest { NextToken = nextToken, MaxResults = 1000 };
            var response = await AwsCall.SdkAsync(ctx, target, ct => _aws.Ec2(ctx).DescribeInstancesAsync(request, ct));
            foreach (var instance in response.Reservations.OrEmpty().SelectMany(r => r.Instances.OrEmpty()))
            {
                var state = instance.State?.Name?.Value ?? "unknown";
                if (state == TerminatedState)
                {
                    continue;
                }

                checkedCount++;
                var tags = instance.Tags.OrEmpty()
                    .Where(t => !string.IsNullOrWhiteSpace(t.Value))
                    .Select(t => t.Key)
                    .ToHashSet(StringComparer.Ordinal);
                var missing = required.Where(key => !tags.Contains(key)).ToList();
                if (missing.Count == 0)
                {
                    continue;
                }

                nonCompliantCount++;
                if (nonCompliant.Count < limit)
                {
                    var name = instance.Tags.OrEmpty().FirstOrDefault(t => t.Key == "Name")?.Value;
                    nonCompliant.Add(new NonCompliantInstance(instance.InstanceId, name, state, missing));
                }
            }

            nextToken = response.NextToken;
        }
        while (!string.IsNullOrEmpty(nextToken));

        return new TagComplianceReport(target.Region, required, checkedCount, nonCompliantCount, nonCompliant, nonCompliantCount > nonCompliant.Count);
    }
}
