using System.Xml.Linq;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Protocol;
using AwsMcp.Iam.Shared;

namespace AwsMcp.Iam.Users;

/// <summary>
/// Completes ListUsers members with what IAM keeps elsewhere: GetLoginProfile (console access), ListMFADevices,
/// ListAccessKeys and GetAccessKeyLastUsed per key. Users are read a few at a time: IAM throttles bursts per account.
/// </summary>
public static class UserCredentialsReader
{
    private const int ParallelUsers = 4;

    public static async Task<IReadOnlyList<UserCredentials>> ReadAsync(IamClient iam, ToolContext ctx, IReadOnlyList<XElement> users)
    {
        var results = new UserCredentials[users.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = ParallelUsers, CancellationToken = ctx.CancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, users.Count), options, async (index, _) =>
            results[index] = await ReadOneAsync(iam, ctx, users[index]));
        return results;
    }

    private static async Task<UserCredentials> ReadOneAsync(IamClient iam, ToolContext ctx, XElement user)
    {
        var name = AwsQueryXml.Text(user, "UserName") ?? string.Empty;
        var byName = new Dictionary<string, string>(StringComparer.Ordinal) { ["UserName"] = name };
        var loginProfile = await iam.QueryIfExistsAsync(ctx, "GetLoginProfile", byName);
        var mfaDevices = await iam.ListAllAsync(ctx, "ListMFADevices", byName, "MFADevices");
        var keys = new List<AccessKeyUse>();
        foreach (var key in await iam.ListAllAsync(ctx, "ListAccessKeys", byName, "AccessKeyMetadata"))
        {
            var id = AwsQueryXml.Text(key, "AccessKeyId") ?? string.Empty;
            var lastUsed = AwsQueryXml.Child(
                await iam.QueryAsync(ctx, "GetAccessKeyLastUsed", new Dictionary<string, string>(StringComparer.Ordinal) { ["AccessKeyId"] = id }),
                "AccessKeyLastUsed");
            keys.Add(new AccessKeyUse(
                id,
                AwsQueryXml.Text(key, "Status") == "Active",
                AwsQueryXml.Date(key, "CreateDate"),
                AwsQueryXml.Date(lastUsed, "LastUsedDate"),
                Known(AwsQueryXml.Text(lastUsed, "ServiceName")),
                Known(AwsQueryXml.Text(lastUsed, "Region"))));
        }

        return new UserCredentials(
            name,
            AwsQueryXml.Text(user, "Arn") ?? string.Empty,
            AwsQueryXml.Text(user, "UserId"),
            AwsQueryXml.Text(user, "Path") ?? "/",
            AwsQueryXml.Date(user, "CreateDate"),
            AwsQueryXml.Date(user, "PasswordLastUsed"),
            loginProfile is not null,
            mfaDevices.Count,
            keys);
    }

    // IAM says "N/A" for a key that was never used.
    private static string? Known(string? value) => value is null or "N/A" ? null : value;
}
