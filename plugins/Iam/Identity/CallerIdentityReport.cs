namespace AwsMcp.Iam.Identity;

/// <summary>Who the server is to AWS for a call: the identity STS reports, parsed. Carries no credential material.</summary>
/// <param name="Account">The 12-digit AWS account id.</param>
/// <param name="Arn">The caller's ARN, e.g. <c>arn:aws:iam::123456789012:user/ops</c> or an <c>assumed-role</c> ARN.</param>
/// <param name="PrincipalType">user, assumed-role, root, federated-user or the ARN's resource type.</param>
/// <param name="PrincipalName">The user name, or the role name of an assumed role.</param>
/// <param name="SessionName">The role session name of an assumed role.</param>
/// <param name="SelectedAccount">The configured account name the call was made in (the <c>account</c> argument); absent for the server's own identity.</param>
/// <param name="AssumedRoleArn">The IAM role the server assumed for <paramref name="SelectedAccount"/>.</param>
public sealed record CallerIdentityReport(
    string Account,
    string Arn,
    string PrincipalType,
    string? PrincipalName,
    string? SessionName,
    string? SelectedAccount,
    string? AssumedRoleArn);
