namespace AwsMcp.Sandbox.Services.Iam;

/// <summary>The IAM entities of one account; AWS managed policies are shared by every account.</summary>
public sealed class IamAccount(string accountId, IReadOnlyList<IamRole> roles, IReadOnlyList<IamUser> users, IReadOnlyList<ManagedPolicy> customerPolicies, IReadOnlyList<ManagedPolicy> awsPolicies)
{
    public string AccountId => accountId;

    public IReadOnlyList<IamRole> Roles => roles;

    public IReadOnlyList<IamUser> Users => users;

    /// <summary>AWS managed policies first, then the account's own, each in name order (as ListPolicies returns them).</summary>
    public IReadOnlyList<ManagedPolicy> Policies { get; } = [.. awsPolicies.OrderBy(p => p.Name, StringComparer.Ordinal), .. customerPolicies.OrderBy(p => p.Name, StringComparer.Ordinal)];

    public IamRole? FindRole(string name) => roles.FirstOrDefault(role => role.Name == name);

    public IamUser? FindUser(string name) => users.FirstOrDefault(user => user.Name == name);

    public ManagedPolicy? FindPolicy(string arn) => Policies.FirstOrDefault(policy => policy.Arn == arn);

    public int AttachmentCount(ManagedPolicy policy) =>
        roles.Count(role => role.AttachedPolicyArns.Contains(policy.Arn)) + users.Count(user => user.AttachedPolicyArns.Contains(policy.Arn));

    /// <summary>The policies in force for a role or user: attached managed policies and inline ones.</summary>
    public IReadOnlyList<AttachedPolicy> EffectivePolicies(IReadOnlyList<string> attachedArns, IReadOnlyDictionary<string, PolicyDocument> inline, string inlineType) =>
    [
        .. attachedArns.Select(FindPolicy).OfType<ManagedPolicy>()
            .Select(policy => new AttachedPolicy(policy.Name, policy.IsAwsManaged ? "aws-managed" : "user-managed", policy.DefaultVersion.Document)),
        .. inline.Select(pair => new AttachedPolicy(pair.Key, inlineType, pair.Value)),
    ];
}
