using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Services.Shared;

/// <summary>Maps a caller to the IAM identity policies and trust policies name.</summary>
public static class PrincipalArns
{
    /// <summary>The caller's user ARN, or for an assumed-role session (<c>arn:aws:sts::A:assumed-role/R/S</c>) the role's ARN <c>arn:aws:iam::A:role/R</c>.</summary>
    public static string IamIdentity(SandboxPrincipal principal)
    {
        var marker = $"arn:aws:sts::{principal.Account}:assumed-role/";
        return principal.Arn.StartsWith(marker, StringComparison.Ordinal)
            ? $"arn:aws:iam::{principal.Account}:role/{principal.Arn[marker.Length..].Split('/')[0]}"
            : principal.Arn;
    }
}
