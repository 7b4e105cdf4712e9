using System.Text.Json;

namespace AwsMcp.Iam.Roles;

/// <summary>An IAM role as listed.</summary>
/// <param name="Name">The role name.</param>
/// <param name="Arn">The role ARN.</param>
/// <param name="Path">The role's path, e.g. /service-role/.</param>
/// <param name="Description">What the role is for.</param>
/// <param name="Created">When the role was created.</param>
/// <param name="TrustedPrincipals">Who may assume it: <c>*</c> (anyone), <c>AWS:arn…</c>, <c>Service:…</c> or <c>Federated:…</c>.</param>
/// <param name="TrustsAnyone">The trust policy lets any principal assume the role.</param>
/// <param name="RoleId">Detail: IAM's unique id of the role.</param>
/// <param name="MaxSessionDurationSeconds">Detail: longest session the role allows.</param>
/// <param name="TrustPolicy">Detail: the trust (assume-role) policy, decoded.</param>
public sealed record RoleSummary(
    string Name,
    string Arn,
    string Path,
    string? Description,
    DateTimeOffset? Created,
    IReadOnlyList<string> TrustedPrincipals,
    bool TrustsAnyone,
    string? RoleId = null,
    int? MaxSessionDurationSeconds = null,
    JsonElement? TrustPolicy = null);
