namespace AwsMcp.Sandbox.Core;

/// <summary>
/// An emulator with operations AWS serves without SigV4, because their caller has no AWS credentials yet and proves
/// who it is with another token: STS <c>AssumeRoleWithWebIdentity</c> (an OIDC token) and the SSO portal's
/// <c>GetRoleCredentials</c> (an IAM Identity Center bearer token), and the EKS Pod Identity Agent (a service-account
/// token as the Authorization header). The pipeline offers it only requests that carry no signature; the operation
/// checks its own token.
/// </summary>
public interface IUnsignedOperations : IServiceEmulator
{
    /// <summary>The unsigned operation <paramref name="request"/> asks for, or null when it is none (it then needs a signature).</summary>
    string? ResolveUnsignedOperation(SandboxRequest request);

    /// <summary>
    /// True when the operation's token is the whole <c>Authorization</c> header (a container credentials endpoint); the
    /// pipeline then also offers it requests whose <c>Authorization</c> is not SigV4. Others see only requests without one.
    /// </summary>
    bool ProofInAuthorizationHeader => false;
}
