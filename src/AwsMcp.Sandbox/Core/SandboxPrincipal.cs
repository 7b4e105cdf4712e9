namespace AwsMcp.Sandbox.Core;

/// <summary>A set of credentials the sandbox accepts, and the identity they stand for.</summary>
/// <param name="SessionToken">Set for temporary credentials (AssumeRole); the request must then carry it as <c>X-Amz-Security-Token</c>.</param>
/// <param name="Arn">e.g. <c>arn:aws:iam::123456789012:user/sandbox-operator</c> or <c>arn:aws:sts::210987654321:assumed-role/ReadOnly/session</c>.</param>
public sealed record SandboxPrincipal(
    string AccessKeyId,
    string SecretAccessKey,
    string? SessionToken,
    string Account,
    string Arn,
    string UserId,
    DateTimeOffset? Expires)
{
    /// <summary>
    /// True for sessions of a read-only role (an assumed role whose name contains <c>ReadOnly</c>, e.g. <c>AwsMcpReadOnly</c>):
    /// the sandbox's stand-in for IAM policy evaluation, so that mutating calls can be refused as AWS would refuse them.
    /// </summary>
    public bool IsReadOnly =>
        Arn.Contains(":assumed-role/", StringComparison.Ordinal)
        && Arn.Split('/') is [_, var role, ..]
        && role.Contains("ReadOnly", StringComparison.OrdinalIgnoreCase);
}
