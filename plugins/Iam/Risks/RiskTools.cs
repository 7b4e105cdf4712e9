using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using System.Xml.Linq;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Protocol;
using AwsMcp.Aws.Tools;
using AwsMcp.Iam.Roles;
using AwsMcp.Iam.Shared;
using AwsMcp.Iam.Users;

namespace AwsMcp.Iam.Risks;

/// <summary>Scans IAM for the risks security reviews ask about first.</summary>
[Toolset("iam")]
[AwsTarget(Region = false)]
public sealed class RiskTools(ToolPackContext context)
{
    /// <summary>The key age that counts as old unless the call says otherwise: the usual rotation policy.</summary>
    public const int DefaultMaxKeyAgeDays = 90;

    /// <summary>Keys this old are a year overdue for rotation under any policy: high rather than medium.</summary>
    private const int VeryOldKeyDays = 365;

    private readonly IamClient _iam = IamClient.For(context);
    private readonly TimeProvider _time = TimeProvider.System;

    /// <summary>
    /// Reports IAM risks (no MFA, old keys, open trust, full access). Use for a security review.
    /// </summary>
    /// <param name="maxKeyAgeDays">Key age that counts as old.</param>
    /// <param name="limit">Most findings (worst first).</param>
    [Tool("find_iam_risks", Title = "Find IAM risks", ReadOnly = true, Idempotent = true)]
    public async Task<RiskReport> FindIamRisksAsync(
        ToolContext ctx,
        [Range(1, 3650)] int maxKeyAgeDays = DefaultMaxKeyAgeDays,
        [Narrows, Range(1, ToolPaging.MaxLimit)] int limit = ToolPaging.DefaultLimit)
    {
        var now = _time.GetUtcNow();
        var users = await UserCredentialsReader.ReadAsync(_iam, ctx, await _iam.ListAllAsync(ctx, "ListUsers", IamParameters.UnderPath(null), "Users"));
        var roles = await _iam.ListAllAsync(ctx, "ListRoles", IamParameters.UnderPath(null), "Roles");
        var localPolicies = new Dictionary<string, string>(StringComparer.Ordinal) { ["Scope"] = "Local", ["OnlyAttached"] = "false" };
        var policies = await _iam.ListAllAsync(ctx, "ListPolicies", localPolicies, "Policies");

        var findings = new List<RiskFinding>();
        findings.AddRange(users.SelectMany(user => UserFindings(user, maxKeyAgeDays, now)));
        findings.AddRange(roles.SelectMany(RoleFindings));
        foreach (var policy in policies)
        {
            if (await PolicyFindingAsync(ctx, policy) is { } finding)
            {
                findings.Add(finding);
            }
        }

        var ordered = findings.OrderBy(finding => finding.Severity).ThenBy(finding => finding.Kind).ThenBy(finding => finding.Name, StringComparer.Ordinal).ToList();
        int Count(RiskSeverity severity) => ordered.Count(finding => finding.Severity == severity);
        return new RiskReport(
            [.. ordered.Take(limit)],
            ordered.Count,
            ordered.Count > limit,
            Count(RiskSeverity.Critical),
            Count(RiskSeverity.High),
            Count(RiskSeverity.Medium),
            Count(RiskSeverity.Low),
            users.Count,
            roles.Count,
            policies.Count,
            maxKeyAgeDays);
    }

    /// <summary>
    /// The account's current IAM risk findings as compact text, worst first: use to attach the IAM security posture to
    /// a conversation, or subscribe to hear when findings change.
    /// </summary>
    /// <param name="ctx">The call.</param>
    [Resource("aws://iam/risks", Name = "iam_risks", Title = "IAM risk findings", MimeType = "text/plain", Subscribable = true)]
    public async Task<string> RisksAsync(ToolContext ctx)
    {
        var report = await FindIamRisksAsync(ctx, DefaultMaxKeyAgeDays, ToolPaging.DefaultLimit);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"IAM risks: {report.TotalFindings} finding(s): {report.CriticalCount} critical, {report.HighCount} high, {report.MediumCount} medium, {report.LowCount} low. ")
            .Append(CultureInfo.InvariantCulture, $"Scanned {report.UsersScanned} user(s), {report.RolesScanned} role(s) and {report.PoliciesScanned} customer managed policies; keys older than {report.MaxKeyAgeDays} days count as old.");
        foreach (var finding in report.Findings)
        {
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"{RiskNames.Of(finding.Severity)} {RiskNames.Of(finding.Kind)} {finding.Name}: {finding.Reason} Fix: {finding.SuggestedFix}");
        }

        if (report.Truncated)
        {
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"{report.TotalFindings - report.Findings.Count} less severe finding(s) are not shown: find_iam_risks with a higher limit lists them.");
        }

        return text.ToString();
    }

    private static IEnumerable<RiskFinding> UserFindings(UserCredentials user, int maxAgeDays, DateTimeOffset now)
    {
        if (user.ConsoleAccess && user.MfaDevices == 0)
        {
            var lastSignIn = user.PasswordLastUsed is { } used ? $"last signed in {IamNames.DaysBetween(used, now)} days ago" : "never signed in";
            yield return new RiskFinding(
                RiskSeverity.High,
                RiskKind.ConsoleUserWithoutMfa,
                user.Arn,
                user.Name,
                $"User {user.Name} has a console password but no MFA device ({lastSignIn}); a leaked password is enough to sign in.",
                "Enable an MFA device for the user (or remove the console password if it is not needed), and enforce MFA with a policy denying actions when aws:MultiFactorAuthPresent is false.");
        }

        foreach (var key in user.AccessKeys.Where(key => key.Active && key.Created is not null))
        {
            var age = IamNames.DaysBetween(key.Created!.Value, now);
            if (age <= maxAgeDays)
            {
                continue;
            }

            var use = key.LastUsed is { } lastUsed ? $"last used {IamNames.DaysBetween(lastUsed, now)} days ago" : "never used";
            yield return new RiskFinding(
                age >= VeryOldKeyDays ? RiskSeverity.High : RiskSeverity.Medium,
                RiskKind.OldAccessKey,
                user.Arn,
                user.Name,
                $"Active access key {AccessKeyIds.Mask(key.AccessKeyId)} of {user.Name} is {age} days old (allowed: {maxAgeDays}) and was {use}.",
                key.LastUsed is null
                    ? "Deactivate and delete the key: it has never been used."
                    : "Create a new key, move its users to it, then deactivate and delete the old one; prefer roles or IAM Identity Center over long-lived keys.");
        }
    }

    private static IEnumerable<RiskFinding> RoleFindings(XElement role)
    {
        var summary = RoleReader.Summarize(role, detail: true);
        var open = PolicyJson.StatementsTrustingAnyone(summary.TrustPolicy!.Value);
        if (open.Count == 0)
        {
            yield break;
        }

        // A condition (ExternalId, source account, org id) narrows "anyone" a lot, but it is still a wildcard trust.
        var conditioned = open.All(statement => statement.TryGetProperty("Condition", out _));
        yield return new RiskFinding(
            conditioned ? RiskSeverity.High : RiskSeverity.Critical,
            RiskKind.RoleTrustsAnyone,
            summary.Arn,
            summary.Name,
            conditioned
                ? $"Role {summary.Name} trusts any principal (*), limited only by conditions in its trust policy."
                : $"Role {summary.Name} trusts any principal (*) without conditions: any AWS account can assume it.",
            "Replace * in the trust policy with the exact account or role ARNs that need access, and require sts:ExternalId for third parties.");
    }

    private async Task<RiskFinding?> PolicyFindingAsync(ToolContext ctx, XElement policy)
    {
        var arn = AwsQueryXml.Text(policy, "Arn") ?? string.Empty;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PolicyArn"] = arn,
            ["VersionId"] = AwsQueryXml.Text(policy, "DefaultVersionId") ?? "v1",
        };
        var version = AwsQueryXml.Child(await _iam.QueryAsync(ctx, "GetPolicyVersion", parameters), "PolicyVersion");
        if (!PolicyJson.AllowsEverything(PolicyJson.Decode(AwsQueryXml.Text(version, "Document") ?? "{}")))
        {
            return null;
        }

        var name = AwsQueryXml.Text(policy, "PolicyName") ?? arn;
        var attachments = AwsQueryXml.Int(policy, "AttachmentCount") ?? 0;
        return new RiskFinding(
            attachments > 0 ? RiskSeverity.High : RiskSeverity.Low,
            RiskKind.PolicyAllowsEverything,
            arn,
            name,
            attachments > 0
                ? $"Policy {name} allows every action on every resource and is attached to {attachments} user(s), group(s) or role(s)."
                : $"Policy {name} allows every action on every resource; it is not attached to anything yet.",
            attachments > 0
                ? "Replace it with policies granting only the actions and resources needed (IAM Access Analyzer can generate one from CloudTrail activity); keep full access to a break-glass role with MFA."
                : "Delete the policy, or narrow it before anyone attaches it.");
    }
}
