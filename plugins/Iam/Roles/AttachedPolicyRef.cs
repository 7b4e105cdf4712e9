namespace AwsMcp.Iam.Roles;

/// <summary>A managed policy attached to a principal.</summary>
public sealed record AttachedPolicyRef(string Name, string Arn);
