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
    private const int DescribePageSize = 1000;

    private readonly AwsClientFactory _aws = AwsClientFactory.For(pack);

    /// <summary>
    /// Lists the EC2 instances in one region that miss any of the required tags (a tag with an empty value counts as
    /// missing). Use to audit a tagging policy, e.g. required_tags ["Owner", "CostCenter"]. Terminated instances are
    /// skipped.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="requiredTags">Tag keys every instance must have (case-sensitive, as in AWS).</param>
    /// <param name="limit"></param>
    /// <param name="nextToken"></param>
    [Tool("check_tag_compliance", Title = "Check EC2 tag compliance", ReadOnly = true, Idempotent = true)]
    public async Task<TagComplianceReport> CheckTagComplianceAsync(
        ToolContext ctx,
        [MinLength(1), MaxLength(50)] IReadOnlyList<string> requiredTags,
        [Narrows, Range(1, ToolPaging.MaxLimit)] int limit = ToolPaging.DefaultLimit,
        [Narrows, PageToken] string? nextToken = null)
    {
        var required = requiredTags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (required.Count == 0)
        {
            throw new ToolArgumentException("required_tags", "name at least one non-empty tag key");
        }

        // Always whole AWS pages of one size: which instances a page keeps depends on their tags, so a call that
        // resumes in the middle of one must be given the same instances again.
        var page = await PageCollector.CollectAsync(nextToken, limit, (DescribePageSize, DescribePageSize), async (token, size) =>
        {
            var request = new DescribeInstancesRequest { MaxResults = size, NextToken = token };
            var response = await AwsCall.SdkAsync(ctx, _aws.Target(ctx, "ec2", "DescribeInstances"), ct => _aws.Ec2(ctx).DescribeInstancesAsync(request, ct));
            var nonCompliant = response.Reservations.OrEmpty()
                .SelectMany(reservation => reservation.Instances.OrEmpty())
                .Where(instance => instance.State?.Name?.Value != "terminated")
                .Select(instance => Check(instance, required))
                .OfType<NonCompliantInstance>()
                .ToList();
            return new AwsPage<NonCompliantInstance>(nonCompliant, response.NextToken);
        });
        return new TagComplianceReport(_aws.Region(ctx), page.Items, page.NextToken, page.HasMore);
    }

    private static NonCompliantInstance? Check(Instance instance, List<string> required)
    {
        var tags = instance.Tags.OrEmpty().Where(t => !string.IsNullOrWhiteSpace(t.Value)).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        var missing = required.Where(key => !tags.ContainsKey(key)).ToList();
        return missing.Count == 0 ? null : new NonCompliantInstance(instance.InstanceId, tags.GetValueOrDefault("Name"), instance.State?.Name?.Value ?? "unknown", missing);
    }
}
