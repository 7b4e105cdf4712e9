using System.Text.Json;

namespace AwsMcp.Iam.Roles;

/// <summary>Everything about one IAM role: trust, permissions and use.</summary>
/// <param name="TrustPolicy">The trust (assume-role) policy, decoded.</param>
/// <param name="TrustedPrincipals">Who may assume it: <c>*</c> (anyone), <c>AWS:arn…</c>, <c>Service:…</c> or <c>Federated:…</c>.</param>
/// <param name="TrustsAnyone">The trust policy lets any principal assume the role.</param>
/// <param name="AttachedPolicies">Managed policies attached to the role.</param>
/// <param name="InlinePolicies">Policies embedded in the role, decoded.</param>
/// <param name="LastUsed">When the role was last assumed; absent when IAM has no record (never, or before tracking began).</param>
public sealed record RoleDetails(
    string Name,
    string Arn,
    string RoleId,
    string Path,
    string? Description,
    DateTimeOffset? Created,
    int? MaxSessionDurationSeconds,
    JsonElement TrustPolicy,
    IReadOnlyList<string> TrustedPrincipals,
    bool TrustsAnyone,
    IReadOnlyList<AttachedPolicyRef> AttachedPolicies,
    IReadOnlyList<InlinePolicy> InlinePolicies,
    RoleLastUse? LastUsed);
