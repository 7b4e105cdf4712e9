namespace AwsMcp.Iam.Policies;

/// <summary>The simulated outcome for one action on one resource.</summary>
/// <param name="Allowed">True only for <c>allowed</c>.</param>
/// <param name="MatchedPolicies">The policies whose statements decided it (ids as IAM reports them).</param>
public sealed record SimulationResult(string Action, string Resource, SimulationDecision Decision, bool Allowed, IReadOnlyList<string> MatchedPolicies);
