namespace AwsMcp.Iam.Users;

/// <summary>An access key's metadata and last use, as read from IAM (never the secret, which IAM does not return).</summary>
/// <param name="Active">Status Active (an inactive key cannot sign requests).</param>
public sealed record AccessKeyUse(
    string AccessKeyId, bool Active, DateTimeOffset? Created, DateTimeOffset? LastUsed, string? LastUsedService, string? LastUsedRegion);
