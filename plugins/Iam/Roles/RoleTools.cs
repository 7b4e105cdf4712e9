using System.ComponentModel.DataAnnotations;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Protocol;
using AwsMcp.Aws.Tools;
using AwsMcp.Iam.Shared;

namespace AwsMcp.Iam.Roles;

/// <summary>IAM role tools (read-only).</summary>
[Toolset("iam")]
[AwsTarget(Region = false)]
public sealed class RoleTools(ToolPackContext context)
{
    private readonly IamClient _iam = IamClient.For(context);
    private readonly TimeProvider _time = TimeProvider.System;

    /// <summary>
    /// Lists IAM roles with who may assume each. Use to find roles.
    /// </summary>
    /// <param name="pathPrefix"></param>
    /// <param name="limit"></param>
    /// <param name="nextToken"></param>
    /// <param name="detail">Add trust policy.</param>
    [Tool("list_iam_roles", Title = "List IAM roles", ReadOnly = true, Idempotent = true)]
    public async Task<ToolPage<RoleSummary>> ListIamRolesAsync(
        ToolContext ctx,
        [Narrows, StringLength(512, MinimumLength = 1)] string? pathPrefix = null,
        [Narrows, Range(1, ToolPaging.MaxLimit)] int limit = ToolPaging.DefaultLimit,
        [Narrows, PageToken] string? nextToken = null,
        bool detail = false)
    {
        var page = await _iam.PageAsync(ctx, "ListRoles", IamParameters.UnderPath(pathPrefix), "Roles", limit, nextToken);
        return page.Map(role => RoleReader.Summarize(role, detail));
    }

    /// <summary>
    /// Shows an IAM role's trust, policies and last use. Use for what a role can do.
    /// </summary>
    /// <param name="roleName">Name or ARN.</param>
    [Tool("get_iam_role", Title = "Get an IAM role", ReadOnly = true, Idempotent = true)]
    public async Task<RoleDetails> GetIamRoleAsync(ToolContext ctx, [TargetResource] string roleName)
    {
        var byName = new Dictionary<string, string>(StringComparer.Ordinal) { ["RoleName"] = IamNames.EntityName(roleName, "role_name") };
        var role = AwsQueryXml.Child(await _iam.QueryAsync(ctx, "GetRole", byName), "Role")
            ?? throw new ToolException($"IAM returned no role for '{roleName}'.");
        var summary = RoleReader.Summarize(role, detail: true);
        var attached = await _iam.ListAllAsync(ctx, "ListAttachedRolePolicies", byName, "AttachedPolicies");
        var inlineNames = await _iam.ListAllAsync(ctx, "ListRolePolicies", byName, "PolicyNames");
        var inline = new List<InlinePolicy>();
        foreach (var name in inlineNames.Select(member => member.Value))
        {
            var policy = await _iam.QueryAsync(ctx, "GetRolePolicy", new Dictionary<string, string>(byName) { ["PolicyName"] = name });
            inline.Add(new InlinePolicy(name, PolicyJson.Decode(AwsQueryXml.Text(policy, "PolicyDocument") ?? "{}")));
        }

        var lastUsed = AwsQueryXml.Child(role, "RoleLastUsed");
        return new RoleDetails(
            summary.Name,
            summary.Arn,
            summary.RoleId ?? string.Empty,
            summary.Path,
            summary.Description,
            summary.Created,
            summary.MaxSessionDurationSeconds,
            summary.TrustPolicy!.Value,
            summary.TrustedPrincipals,
            summary.TrustsAnyone,
            [.. attached.Select(policy => new AttachedPolicyRef(AwsQueryXml.Text(policy, "PolicyName") ?? string.Empty, AwsQueryXml.Text(policy, "PolicyArn") ?? string.Empty))],
            inline,
            AwsQueryXml.Date(lastUsed, "LastUsedDate") is { } date
                ? new RoleLastUse(date, AwsQueryXml.Text(lastUsed, "Region"), IamNames.DaysBetween(date, _time.GetUtcNow()))
                : null);
    }
}
