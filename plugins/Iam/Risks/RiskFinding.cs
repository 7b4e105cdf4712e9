namespace AwsMcp.Iam.Risks;

/// <summary>One IAM risk.</summary>
/// <param name="Resource">The ARN of the user, role or policy.</param>
/// <param name="Name">Its name (for an access key: the user, with the masked key id in the reason).</param>
/// <param name="Reason">What is wrong, with the facts that show it.</param>
/// <param name="SuggestedFix">What to do about it.</param>
public sealed record RiskFinding(RiskSeverity Severity, RiskKind Kind, string Resource, string Name, string Reason, string SuggestedFix);
