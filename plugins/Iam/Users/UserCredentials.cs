namespace AwsMcp.Iam.Users;

/// <summary>An IAM user and the state of its credentials: console password, MFA devices, access keys.</summary>
/// <param name="ConsoleAccess">The user has a console password (a login profile).</param>
/// <param name="MfaDevices">How many MFA devices are enabled.</param>
public sealed record UserCredentials(
    string Name,
    string Arn,
    string? UserId,
    string Path,
    DateTimeOffset? Created,
    DateTimeOffset? PasswordLastUsed,
    bool ConsoleAccess,
    int MfaDevices,
    IReadOnlyList<AccessKeyUse> AccessKeys)
{
    /// <summary>The latest console sign-in or access key use; null when the user never did either.</summary>
    public DateTimeOffset? LastActivity =>
        AccessKeys.Select(key => key.LastUsed).Append(PasswordLastUsed).Max();
}
