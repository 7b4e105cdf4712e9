namespace AwsMcp.Sandbox.Services.Iam;

/// <summary>One version (<c>v1</c>, <c>v2</c>, …) of a managed policy.</summary>
public sealed record ManagedPolicyVersion(string VersionId, PolicyDocument Document, DateTimeOffset CreateDate);
