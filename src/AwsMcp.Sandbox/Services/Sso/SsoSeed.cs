using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Services.Sso;

/// <summary>
/// The sandbox's IAM Identity Center: one portal user, signed in with a fixed access token, with permission sets in
/// both seeded accounts. A profile with <c>sso_account_id = 123456789012</c> and <c>sso_role_name = ReadOnlyAccess</c>
/// (and this token in the SSO cache) reaches the sandbox as <c>assumed-role/AWSReservedSSO_ReadOnlyAccess_…/sandbox.user@example.com</c>.
/// </summary>
public static class SsoSeed
{
    // Not a secret: a fixed, documented token of the local emulator, what `aws sso login` would cache for its user.
    public const string AccessToken = "sandbox-sso-access-token";

    /// <summary>The portal user; role sessions are named after it, as Identity Center names them.</summary>
    public const string UserName = "sandbox.user@example.com";

    /// <summary>What the user may sign in to: the role name a profile gives is the permission set's name.</summary>
    public static IReadOnlyList<SsoAssignment> Assignments { get; } =
    [
        new(SandboxIdentities.DefaultAccount, "AdministratorAccess"),
        new(SandboxIdentities.DefaultAccount, "ReadOnlyAccess"),
        new(SandboxIdentities.SecondAccount, "ReadOnlyAccess"),
    ];
}
