namespace AwsMcp.Sandbox.Services.Iam;

/// <summary>The <c>Principal</c> of a trust-policy statement: <c>"*"</c>, or lists of AWS principals (account ids, root or role/user ARNs) and service principals.</summary>
public sealed record PolicyPrincipal(bool Anyone, IReadOnlyList<string> Aws, IReadOnlyList<string> Services)
{
    /// <summary>Whether a caller from <paramref name="account"/> with IAM identity <paramref name="identityArn"/> is named.</summary>
    public bool Names(string account, string identityArn) =>
        Anyone
        || Aws.Any(entry => entry == "*"
            || entry == account
            || entry == $"arn:aws:iam::{account}:root"
            || string.Equals(entry, identityArn, StringComparison.Ordinal));
}
