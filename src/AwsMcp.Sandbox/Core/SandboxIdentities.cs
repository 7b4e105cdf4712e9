using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace AwsMcp.Sandbox.Core;

/// <summary>
/// The credentials the sandbox knows: one long-lived operator key for the seeded account, plus temporary
/// credentials minted by STS AssumeRole. Requests signed with anything else get <c>InvalidClientTokenId</c>.
/// </summary>
public sealed class SandboxIdentities
{
    /// <summary>The seeded account the operator key belongs to.</summary>
    public const string DefaultAccount = "123456789012";

    /// <summary>A second seeded account reachable by AssumeRole (role <c>AwsMcpReadOnly</c>).</summary>
    public const string SecondAccount = "210987654321";

    public const string OperatorAccessKeyId = "AKIASANDBOXOPERATOR1";

    // Not a secret: a fixed, documented key of the local emulator so that a newcomer can point any AWS tool at it.
    public const string OperatorSecretAccessKey = "sandbox/operator/secret/key/for/local/use";

    private readonly ConcurrentDictionary<string, SandboxPrincipal> _byAccessKey = new(StringComparer.Ordinal);

    public SandboxIdentities()
    {
        Add(new SandboxPrincipal(
            OperatorAccessKeyId,
            OperatorSecretAccessKey,
            SessionToken: null,
            DefaultAccount,
            $"arn:aws:iam::{DefaultAccount}:user/sandbox-operator",
            "AIDASANDBOXOPERATOR1",
            Expires: null));
    }

    public void Add(SandboxPrincipal principal) => _byAccessKey[principal.AccessKeyId] = principal;

    /// <summary>Finds unexpired credentials by access key id.</summary>
    public SandboxPrincipal? Find(string accessKeyId, DateTimeOffset now) =>
        _byAccessKey.TryGetValue(accessKeyId, out var principal) && (principal.Expires is null || principal.Expires > now)
            ? principal
            : null;

    /// <summary>Finds credentials by access key id whether or not they have expired, so that callers can tell expired from unknown.</summary>
    public SandboxPrincipal? Lookup(string accessKeyId) => _byAccessKey.GetValueOrDefault(accessKeyId);

    /// <summary>Mints temporary credentials (for AssumeRole) for <paramref name="arn"/> in <paramref name="account"/>.</summary>
    public SandboxPrincipal IssueTemporary(string account, string arn, string userId, DateTimeOffset expires)
    {
        var principal = new SandboxPrincipal(
            "ASIA" + RandomToken(16).ToUpperInvariant(),
            RandomToken(40),
            RandomToken(64),
            account,
            arn,
            userId,
            expires);
        Add(principal);
        return principal;
    }

    private static string RandomToken(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567abcdefghijklmnopqrstuvwxyz";
        return RandomNumberGenerator.GetString(alphabet, length);
    }
}
