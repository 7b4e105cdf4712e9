namespace AwsMcp.Sandbox.Services.Iam;

/// <summary>When and in which region a role was last assumed (IAM's <c>RoleLastUsed</c>).</summary>
public sealed record RoleLastUsed(DateTimeOffset Date, string Region);
