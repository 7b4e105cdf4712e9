using System.ComponentModel.DataAnnotations;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Tools;
using AwsMcp.Iam.Shared;

namespace AwsMcp.Iam.Users;

/// <summary>IAM user tools (read-only).</summary>
[Toolset("iam")]
[AwsTarget(Region = false)]
public sealed class UserTools(ToolPackContext context)
{
    /// <summary>Each user costs several IAM requests (login profile, MFA, keys), so pages are smaller than elsewhere.</summary>
    private const int MaxUsersPerPage = 100;

    private const int DefaultUsersPerPage = 25;

    private readonly IamClient _iam = IamClient.For(context);
    private readonly TimeProvider _time = TimeProvider.System;

    /// <summary>
    /// Lists IAM users with MFA, key ages and last activity. Use for who has access.
    /// </summary>
    /// <param name="pathPrefix"></param>
    /// <param name="limit"></param>
    /// <param name="nextToken"></param>
    /// <param name="detail">Add key last use.</param>
    [Tool("list_iam_users", Title = "List IAM users", ReadOnly = true, Idempotent = true)]
    public async Task<ToolPage<UserSummary>> ListIamUsersAsync(
        ToolContext ctx,
        [Narrows, StringLength(512, MinimumLength = 1)] string? pathPrefix = null,
        [Narrows, Range(1, MaxUsersPerPage)] int limit = DefaultUsersPerPage,
        [Narrows, PageToken] string? nextToken = null,
        bool detail = false)
    {
        var page = await _iam.PageAsync(ctx, "ListUsers", IamParameters.UnderPath(pathPrefix), "Users", limit, nextToken);
        var users = await UserCredentialsReader.ReadAsync(_iam, ctx, page.Items);
        var now = _time.GetUtcNow();
        return new ToolPage<UserSummary>([.. users.Select(user => Summarize(user, detail, now))], page.NextToken);
    }

    private static UserSummary Summarize(UserCredentials user, bool detail, DateTimeOffset now) =>
        new(
            user.Name,
            user.Arn,
            user.Path,
            user.Created,
            user.ConsoleAccess,
            user.MfaDevices > 0,
            user.PasswordLastUsed,
            [.. user.AccessKeys.Select(key => new AccessKeySummary(
                AccessKeyIds.Mask(key.AccessKeyId),
                key.Active ? "Active" : "Inactive",
                DaysSince(key.Created, now),
                key.LastUsed,
                DaysSince(key.LastUsed, now),
                detail ? key.LastUsedService : null,
                detail ? key.LastUsedRegion : null))],
            user.LastActivity,
            DaysSince(user.LastActivity, now),
            detail ? user.UserId : null,
            detail ? user.MfaDevices : null);

    private static int? DaysSince(DateTimeOffset? then, DateTimeOffset now) =>
        then is { } date ? IamNames.DaysBetween(date, now) : null;
}
