namespace AwsMcp.Sandbox.Services.Iam;

/// <summary>A managed policy: AWS managed (<c>arn:aws:iam::aws:policy/…</c>, visible in every account) or customer managed.</summary>
public sealed class ManagedPolicy
{
    /// <summary>"aws" for AWS managed policies, else the owning account id.</summary>
    public required string Owner { get; init; }

    public required string Name { get; init; }

    public string Path { get; init; } = "/";

    public required string Description { get; init; }

    public required IReadOnlyList<ManagedPolicyVersion> Versions { get; init; }

    public required string DefaultVersionId { get; init; }

    public bool IsAwsManaged => Owner == "aws";

    public string Arn => $"arn:aws:iam::{Owner}:policy{Path}{Name}";

    public string PolicyId => Shared.SeedIds.Of("ANPA", Arn, 21);

    public ManagedPolicyVersion DefaultVersion => Versions.Single(version => version.VersionId == DefaultVersionId);

    public DateTimeOffset CreateDate => Versions[0].CreateDate;

    public DateTimeOffset UpdateDate => Versions[^1].CreateDate;
}
