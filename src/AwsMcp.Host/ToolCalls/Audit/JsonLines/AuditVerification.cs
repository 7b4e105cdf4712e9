namespace AwsMcp.Host.ToolCalls.Audit.JsonLines;

/// <summary>The result of <see cref="AuditChainVerifier.Verify"/>.</summary>
/// <param name="Records">Intact records read before the first problem.</param>
/// <param name="Files">Segment files checked.</param>
/// <param name="Problem"><c>file:line: what is wrong</c>, or null when every chain is intact.</param>
/// <param name="TornLines">Incomplete last lines (writes that never completed), which are not tampering.</param>
/// <param name="OpenIntents">Correlation ids of calls with an intent record and no outcome: their process stopped while they ran.</param>
public sealed record AuditVerification(int Records, int Files, string? Problem, IReadOnlyList<string> TornLines, IReadOnlyList<string> OpenIntents)
{
    public bool Intact => Problem is null;
}
