using AwsMcp.Abstractions;

namespace AwsMcp.Iam.Risks;

/// <summary>Conversation starters that walk a model through the IAM tools.</summary>
[Toolset("iam")]
public static class RiskPrompts
{
    /// <summary>Runs an IAM security review of the account and explains what to fix first: use for a periodic or pre-audit security check.</summary>
    /// <param name="minSeverity">Report findings of this severity or worse; every finding when empty.</param>
    [Prompt("iam_risk_review", Title = "IAM risk review")]
    public static string IamRiskReview(RiskSeverity? minSeverity = null)
    {
        // RiskSeverity runs from critical down to low, so "this or worse" is every value up to it.
        var shown = minSeverity is { } floor
            ? $"findings of severity {string.Join(", ", Enum.GetValues<RiskSeverity>().Where(severity => severity <= floor).Select(RiskNames.Of))}"
            : "every finding";
        // Tool names lead each line: the host redacts "<secret-like name>: value", and old_access_key looks like one.
        return $"""
            Run an IAM security review of this AWS account with this server's IAM tools, and report {shown}. Only read: change nothing.
            1. whoami: the account id and the identity the review runs as.
            2. find_iam_risks with max_key_age_days {RiskTools.DefaultMaxKeyAgeDays}: it scans every user, role and customer managed policy and returns the findings worst first, with critical_count, high_count, medium_count and low_count. When truncated is true, call it again with a higher limit.
            3. Look closer at each finding you report, by its kind:
               - get_iam_role with role_name set to the finding's name, for role_trusts_anyone: the trust policy and what the role may do.
               - get_iam_policy_document with policy_arn set to the finding's resource, for policy_allows_everything.
               - list_iam_users with detail true, for console_user_without_mfa and old_access_key findings: the user's MFA devices, keys and their last use.
               For the riskiest principal, simulate_iam_permissions with its principal_arn and a few sensitive actions (iam:CreateAccessKey, s3:GetObject, ec2:TerminateInstances) shows what it may really do.
            4. Present: one line with the account and the counts per severity; then a table of the findings worst first (severity, kind, name, reason, suggested_fix); then the three fixes to make first and why. Quote access key ids only as the tools show them (masked).
            """;
    }
}
