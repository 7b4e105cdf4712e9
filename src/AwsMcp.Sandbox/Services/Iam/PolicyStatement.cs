namespace AwsMcp.Sandbox.Services.Iam;

/// <summary>One statement of an IAM policy document.</summary>
/// <param name="Conditions">operator → (key → values), e.g. <c>StringEquals → sts:ExternalId → [id]</c>.</param>
public sealed record PolicyStatement(
    string? Sid,
    bool IsAllow,
    IReadOnlyList<string> Actions,
    bool IsNotAction,
    IReadOnlyList<string> Resources,
    bool IsNotResource,
    PolicyPrincipal? Principal,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Conditions)
{
    public bool MatchesAction(string action) =>
        IsNotAction != Actions.Any(pattern => WildcardPattern.Matches(pattern, action, StringComparison.OrdinalIgnoreCase));

    /// <summary>Statements without a Resource element (trust policies) apply to every resource.</summary>
    public bool MatchesResource(string resource) =>
        Resources.Count == 0 || IsNotResource != Resources.Any(pattern => WildcardPattern.Matches(pattern, resource, StringComparison.Ordinal));
}
