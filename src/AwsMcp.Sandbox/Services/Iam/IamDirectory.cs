using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Services.Iam;

/// <summary>The IAM state of one sandbox, shared by the IAM emulator and STS (which assumes its roles).</summary>
public sealed class IamDirectory(IReadOnlyDictionary<string, IamAccount> accounts, IReadOnlyList<ManagedPolicy> awsPolicies)
{
    public static IamDirectory For(SandboxContext context) => context.Shared(c => IamSeed.Build(c.SeedTime));

    /// <summary>The account's IAM entities; an account the seed does not know has none but still sees AWS managed policies.</summary>
    public IamAccount Account(string accountId) =>
        accounts.TryGetValue(accountId, out var account) ? account : new IamAccount(accountId, [], [], [], awsPolicies);

    /// <summary>Resolves <c>arn:aws:iam::ACCOUNT:role/[path/]NAME</c> to a role, or null.</summary>
    public IamRole? FindRoleByArn(string roleArn)
    {
        var parts = roleArn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "iam" || !parts[5].StartsWith("role/", StringComparison.Ordinal))
        {
            return null;
        }

        return Account(parts[4]).Roles.FirstOrDefault(role => role.Arn == roleArn);
    }
}
