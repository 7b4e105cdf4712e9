namespace AwsMcp.Iam.Policies;

/// <summary>A managed policy as listed.</summary>
/// <param name="AwsManaged">Written and maintained by AWS (arn:aws:iam::aws:policy/…).</param>
/// <param name="AttachmentCount">How many users, groups and roles it is attached to.</param>
/// <param name="DefaultVersionId">The version in effect.</param>
/// <param name="Updated">When its newest version was created.</param>
/// <param name="PolicyId">Detail: IAM's unique id of the policy.</param>
/// <param name="Path">Detail: the policy's path.</param>
/// <param name="Created">Detail: when the policy was created.</param>
public sealed record PolicySummary(
    string Name,
    string Arn,
    bool AwsManaged,
    int AttachmentCount,
    string? DefaultVersionId,
    DateTimeOffset? Updated,
    string? PolicyId = null,
    string? Path = null,
    DateTimeOffset? Created = null);
