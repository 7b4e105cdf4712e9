namespace AwsMcp.Iam.Policies;

/// <summary>What a principal may do, per action and resource, according to IAM's policy simulator.</summary>
/// <param name="PrincipalArn">The user, group or role simulated.</param>
/// <param name="Results">One per action and resource pair.</param>
/// <param name="AllowedCount">Pairs allowed.</param>
/// <param name="DeniedCount">Pairs denied (implicitly or explicitly).</param>
public sealed record SimulationReport(string PrincipalArn, IReadOnlyList<SimulationResult> Results, int AllowedCount, int DeniedCount);
