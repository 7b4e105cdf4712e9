namespace AwsMcp.Sandbox.Services.Iam;

/// <summary>A policy in force for a principal, with the id and type SimulatePrincipalPolicy reports for its matched statements.</summary>
/// <param name="SourceType">IAM's <c>PolicySourceType</c>: <c>user</c>/<c>role</c> for inline, <c>aws-managed</c>/<c>user-managed</c> for managed.</param>
public sealed record AttachedPolicy(string SourceId, string SourceType, PolicyDocument Document);
