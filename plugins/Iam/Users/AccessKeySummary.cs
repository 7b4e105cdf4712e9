namespace AwsMcp.Iam.Users;

/// <summary>An access key as tools show it: the id masked, never the secret.</summary>
/// <param name="AccessKeyId">The key id with its middle masked, enough to tell keys apart.</param>
/// <param name="Status">Active or Inactive.</param>
/// <param name="AgeDays">Days since the key was created.</param>
/// <param name="LastUsed">When the key last signed a request; absent when never.</param>
/// <param name="DaysSinceUse">Days since the key was last used; absent when never.</param>
/// <param name="LastUsedService">Detail: the service it last called.</param>
/// <param name="LastUsedRegion">Detail: the region it last called.</param>
public sealed record AccessKeySummary(
    string AccessKeyId,
    string Status,
    int? AgeDays,
    DateTimeOffset? LastUsed,
    int? DaysSinceUse,
    string? LastUsedService = null,
    string? LastUsedRegion = null);
