using AwsMcp.Sandbox.Services.Shared;

namespace AwsMcp.Sandbox.Services.Sso;

/// <summary>
/// A permission set of IAM Identity Center assigned to the portal user in one account. Identity Center provisions a
/// role for it in that account, named <c>AWSReservedSSO_&lt;PermissionSet&gt;_&lt;16 hex&gt;</c>; the portal's
/// credentials are a session of that role.
/// </summary>
public sealed record SsoAssignment(string Account, string PermissionSet)
{
    public string RoleName => $"AWSReservedSSO_{PermissionSet}_{SeedIds.Hex($"{Account}/{PermissionSet}", 16)}";

    public string RoleArn => $"arn:aws:iam::{Account}:role/aws-reserved/sso.amazonaws.com/{RoleName}";
}
