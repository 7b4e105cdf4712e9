namespace AwsMcp.Iam.Risks;

/// <summary>The IAM risks of an account, most severe first.</summary>
/// <param name="Findings">The findings, most severe first (at most the call's limit).</param>
/// <param name="TotalFindings">Findings in all, also those beyond the limit.</param>
/// <param name="Truncated">More findings exist than were returned; the counts cover all of them.</param>
/// <param name="CriticalCount">Critical findings.</param>
/// <param name="HighCount">High findings.</param>
/// <param name="MediumCount">Medium findings.</param>
/// <param name="LowCount">Low findings.</param>
/// <param name="UsersScanned">Every user of the account.</param>
/// <param name="RolesScanned">Every role of the account.</param>
/// <param name="PoliciesScanned">Every customer managed policy of the account.</param>
/// <param name="MaxKeyAgeDays">The access key age the scan allowed (named so that the host's secret masking, which matches "access key" in names, leaves it readable).</param>
public sealed record RiskReport(
    IReadOnlyList<RiskFinding> Findings,
    int TotalFindings,
    bool Truncated,
    int CriticalCount,
    int HighCount,
    int MediumCount,
    int LowCount,
    int UsersScanned,
    int RolesScanned,
    int PoliciesScanned,
    int MaxKeyAgeDays);
