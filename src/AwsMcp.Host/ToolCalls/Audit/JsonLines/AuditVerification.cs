namespace AwsMcp.Host.ToolCalls.Audit.JsonLines;

/// <summary>The result of <see cref="AuditChainVerifier.Verify"/>.</summary>
/// <param name="Records">Intact records read before the first problem.</param>
/// <param name="Files">Segment files checked.</param>
/// <param name="Problem"><c>file:line: what is wrong</c>, or null when the chain is intact.</param>
public sealed record AuditVerification(int Records, int Files, string? Problem)
{
    public bool Intact => Problem is null;
}
