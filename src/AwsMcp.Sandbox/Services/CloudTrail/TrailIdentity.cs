using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Services.Shared;

namespace AwsMcp.Sandbox.Services.CloudTrail;

/// <summary>
/// The caller an event records (<c>userIdentity</c>): an IAM user, or an assumed-role session with the role that
/// issued it. <see cref="UserName"/> is what LookupEvents calls <c>Username</c>: the user's name or the session's.
/// </summary>
public sealed record TrailIdentity(string Type, string Arn, string PrincipalId, string AccountId, string AccessKeyId, string UserName, string? IssuerArn)
{
    /// <summary>The identity of a verified caller, as the sandbox resolved it from the request's access key.</summary>
    public static TrailIdentity Of(SandboxPrincipal principal)
    {
        var issuer = PrincipalArns.IamIdentity(principal);
        var session = issuer != principal.Arn;
        return new TrailIdentity(
            session ? "AssumedRole" : "IAMUser",
            principal.Arn,
            principal.UserId,
            principal.Account,
            principal.AccessKeyId,
            principal.Arn[(principal.Arn.LastIndexOf('/') + 1)..],
            session ? issuer : null);
    }
}
