namespace AwsMcp.Sandbox.Core.Authentication;

/// <summary>The outcome of authenticating one request.</summary>
/// <param name="Service">The scope's service, when the Authorization header named one (even a bad one): it picks the error protocol.</param>
/// <param name="Signing">Set when the signature was verified, for checking aws-chunked chunk signatures.</param>
internal sealed record AuthenticationResult(
    SignatureCheck Check,
    string? Service,
    string? Region,
    string? AccessKeyId,
    SandboxPrincipal? Principal,
    SigningContext? Signing)
{
    public bool Succeeded => Check is SignatureCheck.Verified or SignatureCheck.NotChecked;
}
