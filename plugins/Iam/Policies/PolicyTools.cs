using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Protocol;
using AwsMcp.Aws.Tools;
using AwsMcp.Iam.Shared;

namespace AwsMcp.Iam.Policies;

/// <summary>IAM policy tools (read-only): managed policies, their documents, and the policy simulator.</summary>
[Toolset("iam")]
[AwsTarget(Region = false)]
public sealed partial class PolicyTools(ToolPackContext context)
{
    private const string PolicyArnPattern = @"arn:aws[a-z-]*:iam::(\d{12}|aws):policy/.+";
    private const string PrincipalArnPattern = @"arn:aws[a-z-]*:(iam|sts)::\d{12}:(user|role|group|assumed-role)/.+";

    private readonly IamClient _iam = IamClient.For(context);

    /// <summary>
    /// Lists managed IAM policies (default: own, attached). Use to find a policy or its ARN.
    /// </summary>
    /// <param name="scope">local: own; aws: AWS managed.</param>
    /// <param name="onlyAttached">Only attached ones.</param>
    /// <param name="pathPrefix"></param>
    /// <param name="limit"></param>
    /// <param name="nextToken"></param>
    /// <param name="detail">Add ids, paths, dates.</param>
    [Tool("list_iam_policies", Title = "List IAM managed policies", ReadOnly = true, Idempotent = true)]
    public async Task<ToolPage<PolicySummary>> ListIamPoliciesAsync(
        ToolContext ctx,
        [Narrows] PolicyScope scope = PolicyScope.Local,
        [Narrows] bool onlyAttached = true,
        [Narrows, StringLength(512, MinimumLength = 1)] string? pathPrefix = null,
        [Narrows, Range(1, ToolPaging.MaxLimit)] int limit = ToolPaging.DefaultLimit,
        [Narrows, PageToken] string? nextToken = null,
        bool detail = false)
    {
        var parameters = IamParameters.UnderPath(pathPrefix);
        parameters["Scope"] = scope switch { PolicyScope.Aws => "AWS", PolicyScope.All => "All", _ => "Local" };
        parameters["OnlyAttached"] = onlyAttached ? "true" : "false";

        var page = await _iam.PageAsync(ctx, "ListPolicies", parameters, "Policies", limit, nextToken);
        return page.Map(policy => Summarize(policy, detail));
    }

    /// <summary>
    /// Shows a managed policy's decoded document. Use for what a policy allows.
    /// </summary>
    /// <param name="policyArn">e.g. arn:aws:iam::aws:policy/ReadOnlyAccess.</param>
    /// <param name="versionId">e.g. v1; default: the effective one.</param>
    [Tool("get_iam_policy_document", Title = "Get an IAM policy document", ReadOnly = true, Idempotent = true)]
    public async Task<PolicyDocumentReport> GetIamPolicyDocumentAsync(
        ToolContext ctx,
        [TargetResource, RegularExpression(PolicyArnPattern)] string policyArn,
        [RegularExpression(@"v\d+")] string? versionId = null)
    {
        var byArn = new Dictionary<string, string>(StringComparer.Ordinal) { ["PolicyArn"] = policyArn };
        var policy = AwsQueryXml.Child(await _iam.QueryAsync(ctx, "GetPolicy", byArn), "Policy");
        var defaultVersion = AwsQueryXml.Text(policy, "DefaultVersionId") ?? "v1";
        var shown = versionId ?? defaultVersion;
        var version = AwsQueryXml.Child(
            await _iam.QueryAsync(ctx, "GetPolicyVersion", new Dictionary<string, string>(byArn) { ["VersionId"] = shown }),
            "PolicyVersion");
        var document = PolicyJson.Decode(AwsQueryXml.Text(version, "Document") ?? "{}");
        return new PolicyDocumentReport(
            AwsQueryXml.Text(policy, "PolicyName") ?? policyArn.Split('/')[^1],
            policyArn,
            AwsQueryXml.Text(policy, "Description"),
            shown,
            shown == defaultVersion,
            defaultVersion,
            AwsQueryXml.Date(version, "CreateDate"),
            AwsQueryXml.Int(policy, "AttachmentCount") ?? 0,
            document,
            PolicyJson.AllowsEverything(document));
    }

    /// <summary>
    /// Simulates whether a principal may do actions. Use for "can X do Y" or an AccessDenied.
    /// </summary>
    /// <param name="principalArn">User, group or role ARN.</param>
    /// <param name="actions">e.g. s3:GetObject.</param>
    /// <param name="resources">Resource ARNs; default: *.</param>
    [Tool("simulate_iam_permissions", Title = "Simulate IAM permissions", ReadOnly = true, Idempotent = true)]
    public async Task<SimulationReport> SimulateIamPermissionsAsync(
        ToolContext ctx,
        [TargetResource, RegularExpression(PrincipalArnPattern)] string principalArn,
        [MinLength(1), MaxLength(50)] string[] actions,
        [MaxLength(20)] string[]? resources = null)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["PolicySourceArn"] = await PolicySourceAsync(ctx, principalArn) };
        for (var i = 0; i < actions.Length; i++)
        {
            parameters[$"ActionNames.member.{i + 1}"] = ActionPattern().IsMatch(actions[i])
                ? actions[i]
                : throw new ToolArgumentException($"actions[{i}]", $"'{actions[i]}' is not an IAM action like s3:GetObject.");
        }

        for (var i = 0; i < (resources?.Length ?? 0); i++)
        {
            parameters[$"ResourceArns.member.{i + 1}"] = resources![i] is "*" || resources[i].StartsWith("arn:", StringComparison.Ordinal)
                ? resources[i]
                : throw new ToolArgumentException($"resources[{i}]", $"'{resources[i]}' is not an ARN or *.");
        }

        var evaluations = await _iam.ListAllAsync(ctx, "SimulatePrincipalPolicy", parameters, "EvaluationResults");
        var results = evaluations.Select(ReadEvaluation).ToList();
        return new SimulationReport(parameters["PolicySourceArn"], results, results.Count(r => r.Allowed), results.Count(r => !r.Allowed));
    }

    // The simulator takes IAM principals only; a session ARN (what whoami shows for an assumed role) names its role,
    // whose full ARN (with path) comes from GetRole.
    private async Task<string> PolicySourceAsync(ToolContext ctx, string principalArn)
    {
        var parts = principalArn.Split(':', 6);
        if (!parts[5].StartsWith("assumed-role/", StringComparison.Ordinal))
        {
            return principalArn;
        }

        var roleName = parts[5].Split('/')[1];
        var role = await _iam.QueryIfExistsAsync(ctx, "GetRole", new Dictionary<string, string>(StringComparer.Ordinal) { ["RoleName"] = roleName });
        return AwsQueryXml.Text(AwsQueryXml.Child(role, "Role"), "Arn")
            ?? throw new ToolException($"The role '{roleName}' of session {principalArn} does not exist in this account.");
    }

    private static SimulationResult ReadEvaluation(XElement evaluation)
    {
        var decision = AwsQueryXml.Text(evaluation, "EvalDecision") switch
        {
            "allowed" => SimulationDecision.Allowed,
            "explicitDeny" => SimulationDecision.ExplicitDeny,
            _ => SimulationDecision.ImplicitDeny,
        };
        return new SimulationResult(
            AwsQueryXml.Text(evaluation, "EvalActionName") ?? string.Empty,
            AwsQueryXml.Text(evaluation, "EvalResourceName") ?? "*",
            decision,
            decision == SimulationDecision.Allowed,
            [.. AwsQueryXml.Members(evaluation, "MatchedStatements").Select(statement => AwsQueryXml.Text(statement, "SourcePolicyId") ?? string.Empty).Distinct(StringComparer.Ordinal)]);
    }

    private static PolicySummary Summarize(XElement policy, bool detail)
    {
        var arn = AwsQueryXml.Text(policy, "Arn") ?? string.Empty;
        return new PolicySummary(
            AwsQueryXml.Text(policy, "PolicyName") ?? string.Empty,
            arn,
            arn.Contains(":iam::aws:policy/", StringComparison.Ordinal),
            AwsQueryXml.Int(policy, "AttachmentCount") ?? 0,
            AwsQueryXml.Text(policy, "DefaultVersionId"),
            AwsQueryXml.Date(policy, "UpdateDate"),
            detail ? AwsQueryXml.Text(policy, "PolicyId") : null,
            detail ? AwsQueryXml.Text(policy, "Path") : null,
            detail ? AwsQueryXml.Date(policy, "CreateDate") : null);
    }

    [GeneratedRegex(@"^[a-zA-Z0-9-]+:[A-Za-z0-9*?]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ActionPattern();
}
