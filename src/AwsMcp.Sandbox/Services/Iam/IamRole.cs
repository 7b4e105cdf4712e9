namespace AwsMcp.Sandbox.Services.Iam;

/// <summary>A seeded IAM role. <see cref="LastUsed"/> moves when STS AssumeRole succeeds on it.</summary>
public sealed class IamRole
{
    public required string Account { get; init; }

    public required string Name { get; init; }

    public string Path { get; init; } = "/";

    public required string Description { get; init; }

    public required DateTimeOffset CreateDate { get; init; }

    public required PolicyDocument TrustPolicy { get; init; }

    public int MaxSessionDuration { get; init; } = 3600;

    public IReadOnlyList<string> AttachedPolicyArns { get; init; } = [];

    public IReadOnlyDictionary<string, PolicyDocument> InlinePolicies { get; init; } = new Dictionary<string, PolicyDocument>();

    public RoleLastUsed? LastUsed { get; set; }

    public string Arn => $"arn:aws:iam::{Account}:role{Path}{Name}";

    public string RoleId => Shared.SeedIds.Of("AROA", Arn, 21);
}
