namespace AwsMcp.Sandbox.Services.Iam;

/// <summary>The outcome of evaluating one action on one resource, named as SimulatePrincipalPolicy names it.</summary>
public enum EvalDecision
{
    ImplicitDeny,
    Allowed,
    ExplicitDeny,
}
