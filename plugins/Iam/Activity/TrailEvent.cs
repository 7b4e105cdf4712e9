namespace AwsMcp.Iam.Activity;

/// <summary>One CloudTrail management event: who did what, when, from where, to which resources.</summary>
/// <param name="Time">When (UTC).</param>
/// <param name="EventName">The API call, e.g. StopInstances.</param>
/// <param name="Service">The service called, e.g. ec2.</param>
/// <param name="Principal">The caller's ARN (a user, or an assumed-role session).</param>
/// <param name="PrincipalType">IAMUser, AssumedRole, Root, AWSService…</param>
/// <param name="SourceIp">Where the call came from (an address, or a service name).</param>
/// <param name="Resources">The resources the call named.</param>
/// <param name="ErrorCode">Set when the call failed (e.g. AccessDenied).</param>
/// <param name="ReadOnly">True for a read, false for a change.</param>
public sealed record TrailEvent(
    DateTimeOffset Time,
    string EventName,
    string Service,
    string? Principal,
    string? PrincipalType,
    string? SourceIp,
    IReadOnlyList<string> Resources,
    string? ErrorCode,
    bool ReadOnly);
