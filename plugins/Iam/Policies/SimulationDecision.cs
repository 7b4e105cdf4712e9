namespace AwsMcp.Iam.Policies;

/// <summary>IAM's verdict for one action on one resource.</summary>
public enum SimulationDecision
{
    /// <summary>A statement allows it and none denies it.</summary>
    Allowed,

    /// <summary>No statement allows it (denied by default).</summary>
    ImplicitDeny,

    /// <summary>A statement denies it, whatever else allows it.</summary>
    ExplicitDeny,
}
