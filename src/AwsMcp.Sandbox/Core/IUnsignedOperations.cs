namespace AwsMcp.Sandbox.Core;

/// <summary>
/// An emulator with operations AWS serves without SigV4, because their caller has no AWS credentials yet and proves
/// who it is with another token: STS <c>AssumeRoleWithWebIdentity</c> (an OIDC token) and the SSO portal's
/// <c>GetRoleCredentials</c> (an IAM Identity Center bearer token). The pipeline offers it only requests that carry no
/// signature at all; the operation checks its own token.
/// </summary>
public interface IUnsignedOperations : IServiceEmulator
{
    /// <summary>The unsigned operation <paramref name="request"/> asks for, or null when it is none (it then needs a signature).</summary>
    string? ResolveUnsignedOperation(SandboxRequest request);
}
