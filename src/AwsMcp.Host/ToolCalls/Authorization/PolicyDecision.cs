namespace AwsMcp.Host.ToolCalls.Authorization;

/// <summary>Whether a caller may see and call a tool, and which rule decided.</summary>
/// <param name="Allowed">True when the call may proceed.</param>
/// <param name="Rule">The rule that decided, e.g. <c>writes-disabled</c>; recorded in the audit log.</param>
/// <param name="Reason">For refusals: the message the caller gets.</param>
public sealed record PolicyDecision(bool Allowed, string Rule, string? Reason = null)
{
    public static PolicyDecision NotEvaluated { get; } = new(false, "not-evaluated");

    public static PolicyDecision Allow(string rule) => new(true, rule);

    public static PolicyDecision Refuse(string rule, string reason) => new(false, rule, reason);
}
