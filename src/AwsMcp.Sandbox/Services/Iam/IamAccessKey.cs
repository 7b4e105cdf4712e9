namespace AwsMcp.Sandbox.Services.Iam;

/// <summary>An access key's metadata (IAM never returns the secret after creation, and neither does the sandbox).</summary>
public sealed record IamAccessKey(string AccessKeyId, bool Active, DateTimeOffset CreateDate, DateTimeOffset? LastUsedDate, string? LastUsedService, string? LastUsedRegion);
