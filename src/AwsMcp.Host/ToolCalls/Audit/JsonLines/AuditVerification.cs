namespace AwsMcp.Host.ToolCalls.Audit.JsonLines;

/// <summary>The result of <see cref="AuditChainVerifier.Verify"/>: one report per chain, each checked on its own.</summary>
public sealed record AuditVerification(IReadOnlyList<AuditChainReport> Chains)
{
    public bool Intact => Chains.All(c => c.Intact);

    /// <summary>Intact records read, in every chain, before its first problem.</summary>
    public int Records => Chains.Sum(c => c.Records);

    public int Files => Chains.Sum(c => c.Files);

    /// <summary>The first broken chain's problem, or null when every chain is intact.</summary>
    public string? Problem => Chains.FirstOrDefault(c => !c.Intact)?.Problem;

    public IReadOnlyList<string> TornLines => [.. Chains.SelectMany(c => c.TornLines)];

    public IReadOnlyList<string> OpenIntents => [.. Chains.SelectMany(c => c.OpenIntents)];
}

/// <summary>What one chain holds and whether it is intact.</summary>
/// <param name="Chain">The chain's name (<c>&lt;replica&gt;.&lt;start&gt;</c>, a run from before replica ids, or a file's name).</param>
/// <param name="Replica">The replica that wrote it; null for a chain from before replica ids.</param>
/// <param name="Records">Intact records read before the first problem.</param>
/// <param name="Files">Segment files (or shipped pieces) checked.</param>
/// <param name="First">The earliest <c>time</c> of its intact records (calls are chained as they end, so not always the first line's).</param>
/// <param name="Last">The latest <c>time</c> of its intact records.</param>
/// <param name="Problem"><c>file:line: what is wrong</c> at the first broken position, or null when the chain is intact.</param>
/// <param name="TornLines">Incomplete last lines (writes that never completed), which are not tampering.</param>
/// <param name="OpenIntents">Correlation ids of calls with an intent record and no outcome: their process stopped while they ran.</param>
public sealed record AuditChainReport(
    string Chain, string? Replica, int Records, int Files, DateTimeOffset? First, DateTimeOffset? Last, string? Problem,
    IReadOnlyList<string> TornLines, IReadOnlyList<string> OpenIntents)
{
    public bool Intact => Problem is null;
}
