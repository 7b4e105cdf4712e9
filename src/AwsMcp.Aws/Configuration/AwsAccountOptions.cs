namespace AwsMcp.Aws.Configuration;

/// <summary>A named account from configuration (<c>Aws:Accounts:&lt;name&gt;:*</c>): a role the server assumes through STS.</summary>
/// <param name="Name">The name tools receive in their <c>account</c> argument.</param>
/// <param name="RoleArn">The role to assume.</param>
/// <param name="Region">Default region for calls in this account; null to use the server's default.</param>
/// <param name="ExternalId">Passed to AssumeRole when the role's trust policy requires it.</param>
/// <param name="SessionDuration">Requested session length (STS allows 15 minutes to 12 hours).</param>
public sealed record AwsAccountOptions(string Name, string RoleArn, string? Region, string? ExternalId, TimeSpan SessionDuration);
