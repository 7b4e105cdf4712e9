using Amazon.Runtime;
using AwsMcp.Aws.Configuration;

namespace AwsMcp.Aws.Accounts;

/// <summary>
/// SDK credentials for one (account, caller): every request asks the cache, so a client outlives the sessions it
/// signs with and picks up the refreshed one on its own.
/// </summary>
internal sealed class CachedRoleCredentials : AWSCredentials
{
    private readonly AssumedRoleCredentialCache _cache;
    private readonly AwsAccountOptions _account;
    private readonly string _callerId;

    public CachedRoleCredentials(AssumedRoleCredentialCache cache, AwsAccountOptions account, string callerId)
    {
        _cache = cache;
        _account = account;
        _callerId = callerId;
    }

    public override ImmutableCredentials GetCredentials() =>
        GetCredentialsAsync().GetAwaiter().GetResult();

    public override async Task<ImmutableCredentials> GetCredentialsAsync() =>
        (await _cache.GetAsync(_account, _callerId, CancellationToken.None)).Credentials;
}
