using System.Text.Json;

namespace AwsMcp.Iam.Policies;

/// <summary>A managed policy's document, decoded.</summary>
/// <param name="VersionId">The version shown.</param>
/// <param name="IsDefaultVersion">The version shown is the one in effect.</param>
/// <param name="DefaultVersionId">The version in effect.</param>
/// <param name="VersionCreated">When the version shown was created.</param>
/// <param name="AttachmentCount">How many users, groups and roles the policy is attached to.</param>
/// <param name="Document">The policy document, decoded.</param>
/// <param name="AllowsEverything">The version shown allows Action * on Resource * (full administrator access).</param>
public sealed record PolicyDocumentReport(
    string Name,
    string Arn,
    string? Description,
    string VersionId,
    bool IsDefaultVersion,
    string DefaultVersionId,
    DateTimeOffset? VersionCreated,
    int AttachmentCount,
    JsonElement Document,
    bool AllowsEverything);
