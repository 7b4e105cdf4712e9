namespace AwsMcp.Iam.Users;

/// <summary>An IAM user and how it signs in.</summary>
/// <remarks>
/// Member names avoid "password" and "access key": the host masks every property whose name says secret, and these
/// hold only dates and masked ids.
/// </remarks>
/// <param name="ConsoleAccess">The user has a console password.</param>
/// <param name="MfaEnabled">At least one MFA device is enabled.</param>
/// <param name="ConsoleLastUsed">Last console sign-in.</param>
/// <param name="Keys">The user's access keys (ids masked, never secrets).</param>
/// <param name="LastActivity">Latest console sign-in or access key use; absent when never.</param>
/// <param name="DaysSinceActivity">Days since <paramref name="LastActivity"/>.</param>
/// <param name="UserId">Detail: IAM's unique id of the user.</param>
/// <param name="MfaDeviceCount">Detail: how many MFA devices are enabled.</param>
public sealed record UserSummary(
    string Name,
    string Arn,
    string Path,
    DateTimeOffset? Created,
    bool ConsoleAccess,
    bool MfaEnabled,
    DateTimeOffset? ConsoleLastUsed,
    IReadOnlyList<AccessKeySummary> Keys,
    DateTimeOffset? LastActivity,
    int? DaysSinceActivity,
    string? UserId = null,
    int? MfaDeviceCount = null);
