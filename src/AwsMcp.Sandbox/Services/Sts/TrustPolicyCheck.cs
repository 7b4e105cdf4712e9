using AwsMcp.Sandbox.Services.Iam;

namespace AwsMcp.Sandbox.Services.Sts;

/// <summary>
/// Whether a role's trust policy lets a caller assume it: a statement allowing <c>sts:AssumeRole</c> names the caller's
/// account (root or account id), its exact IAM identity ARN, or <c>*</c>, and all its conditions hold. The only condition
/// the sandbox can satisfy is <c>StringEquals sts:ExternalId</c>; any other condition (e.g. MFA) counts as unmet.
/// A matching Deny statement wins.
/// </summary>
public static class TrustPolicyCheck
{
    public static bool Allows(PolicyDocument trustPolicy, string callerAccount, string callerIdentityArn, string? externalId)
    {
        var applicable = trustPolicy.Statements
            .Where(statement => statement.MatchesAction("sts:AssumeRole")
                && statement.Principal?.Names(callerAccount, callerIdentityArn) == true
                && ConditionsHold(statement, externalId))
            .ToList();
        return applicable.Any(statement => statement.IsAllow) && !applicable.Any(statement => !statement.IsAllow);
    }

    private static bool ConditionsHold(PolicyStatement statement, string? externalId) =>
        statement.Conditions.All(condition => condition.Key == "StringEquals"
            && condition.Value.All(key => string.Equals(key.Key, "sts:ExternalId", StringComparison.OrdinalIgnoreCase)
                && externalId is not null
                && key.Value.Contains(externalId)));
}
