using AwsMcp.Aws.Configuration;

namespace AwsMcp.Aws.Accounts;

/// <summary>Gets temporary credentials for a named account on behalf of a caller (STS AssumeRole in production).</summary>
public interface IRoleAssumer
{
    Task<AssumedRoleSession> AssumeRoleAsync(AwsAccountOptions account, string callerId, CancellationToken ct);
}
