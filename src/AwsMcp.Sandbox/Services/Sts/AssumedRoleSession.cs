namespace AwsMcp.Sandbox.Services.Sts;

/// <summary>A session minted by AssumeRole, as recorded for auditing (SourceIdentity sticks to the credentials, as in CloudTrail).</summary>
public sealed record AssumedRoleSession(string AccessKeyId, string RoleArn, string SessionName, string? SourceIdentity, string CallerArn, DateTimeOffset Expiration);
