using Amazon.Runtime;

namespace AwsMcp.Aws.Accounts;

/// <summary>Temporary credentials from AssumeRole. A class, not a record, so that nothing prints the secret by accident.</summary>
public sealed class AssumedRoleSession
{
    public AssumedRoleSession(ImmutableCredentials credentials, DateTimeOffset expiration)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        Credentials = credentials;
        Expiration = expiration;
    }

    public ImmutableCredentials Credentials { get; }

    public DateTimeOffset Expiration { get; }
}
