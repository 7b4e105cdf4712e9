namespace AwsMcp.Sandbox.Services.Iam;

/// <summary>A decision and the policies whose statements decided it.</summary>
public sealed record PolicyEvaluation(EvalDecision Decision, IReadOnlyList<AttachedPolicy> MatchedPolicies);
