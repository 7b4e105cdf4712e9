using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Configuration;

namespace AwsMcp.Aws.Accounts;

/// <summary>AssumeRole through STS with the server's own credentials, naming the caller in RoleSessionName and SourceIdentity.</summary>
internal sealed class StsRoleAssumer : IRoleAssumer
{
    private readonly Func<AwsAccountOptions, IAmazonSecurityTokenService> _stsForAccount;

    /// <param name="stsForAccount">The STS client (base credentials) to call for an account, in the account's region.</param>
    public StsRoleAssumer(Func<AwsAccountOptions, IAmazonSecurityTokenService> stsForAccount) => _stsForAccount = stsForAccount;

    public async Task<AssumedRoleSession> AssumeRoleAsync(AwsAccountOptions account, string callerId, CancellationToken ct)
    {
        var request = new AssumeRoleRequest
        {
            RoleArn = account.RoleArn,
            RoleSessionName = CallerNames.RoleSessionName(callerId),
            SourceIdentity = CallerNames.SourceIdentity(callerId),
            ExternalId = account.ExternalId,
            DurationSeconds = (int)account.SessionDuration.TotalSeconds,
        };

        AssumeRoleResponse response;
        try
        {
            response = await _stsForAccount(account).AssumeRoleAsync(request, ct);
        }
        catch (AmazonServiceException exception)
        {
            // STS messages name the role and principal, never key material.
            throw new ToolException(
                $"Could not assume the role of account '{account.Name}' ({account.RoleArn}): {exception.ErrorCode}: {exception.Message}",
                exception);
        }

        var credentials = response.Credentials
            ?? throw new ToolException($"STS returned no credentials for account '{account.Name}'.");
        var expiration = credentials.Expiration is { } expires
            ? new DateTimeOffset(DateTime.SpecifyKind(expires, expires.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : expires.Kind))
            : DateTimeOffset.UtcNow + account.SessionDuration;
        return new AssumedRoleSession(
            new ImmutableCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken),
            expiration);
    }
}
