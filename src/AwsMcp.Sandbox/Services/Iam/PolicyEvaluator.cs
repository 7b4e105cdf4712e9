namespace AwsMcp.Sandbox.Services.Iam;

/// <summary>
/// IAM's identity-policy logic, reduced to what the sandbox needs: an explicit Deny wins, otherwise any Allow allows,
/// otherwise the request is implicitly denied. Action/NotAction and Resource/NotResource wildcards are honoured.
/// Statements with a Condition are not applied (the simulator has no request context to test them against).
/// </summary>
public static class PolicyEvaluator
{
    public static PolicyEvaluation Evaluate(IEnumerable<AttachedPolicy> policies, string action, string resource)
    {
        var allowing = new List<AttachedPolicy>();
        var denying = new List<AttachedPolicy>();
        foreach (var policy in policies)
        {
            foreach (var statement in policy.Document.Statements)
            {
                if (statement.Conditions.Count > 0 || !statement.MatchesAction(action) || !statement.MatchesResource(resource))
                {
                    continue;
                }

                var bucket = statement.IsAllow ? allowing : denying;
                if (!bucket.Contains(policy))
                {
                    bucket.Add(policy);
                }
            }
        }

        return denying.Count > 0 ? new PolicyEvaluation(EvalDecision.ExplicitDeny, denying)
            : allowing.Count > 0 ? new PolicyEvaluation(EvalDecision.Allowed, allowing)
            : new PolicyEvaluation(EvalDecision.ImplicitDeny, []);
    }
}
