namespace AwsMcp.Host.ToolCalls.Audit;

/// <summary>One record per tool call, refused or not: who called what, what policy decided and how it ended.</summary>
/// <param name="Time">When the call started (UTC).</param>
/// <param name="CorrelationId">Also given to the caller in unexpected-error messages and used in server logs.</param>
/// <param name="Channel">Which front door the call came through.</param>
/// <param name="CallerId">The caller's stable id.</param>
/// <param name="CallerName">The caller's display name.</param>
/// <param name="CallerAuthentication">How the caller was identified (<c>local</c>, <c>api-key</c>, <c>jwt</c>, ...).</param>
/// <param name="Tool">The tool name.</param>
/// <param name="Plugin">The plugin that serves the tool.</param>
/// <param name="Arguments">The arguments after redaction.</param>
/// <param name="Allowed">The policy decision.</param>
/// <param name="PolicyRule">The rule that decided.</param>
/// <param name="Reason">Why the call was refused, as the caller was told; null when it was not.</param>
/// <param name="Outcome">How the call ended.</param>
/// <param name="Duration">Wall time in the pipeline.</param>
/// <param name="Region">The target region.</param>
/// <param name="Account">The target account name.</param>
/// <param name="AwsRequests">AWS requests the tool reported.</param>
/// <param name="Resources">Resources the tool reported reading or changing.</param>
public sealed record AuditRecord(
    DateTimeOffset Time,
    string CorrelationId,
    ToolCallChannel Channel,
    string CallerId,
    string CallerName,
    string CallerAuthentication,
    string Tool,
    string Plugin,
    string Arguments,
    bool Allowed,
    string PolicyRule,
    string? Reason,
    ToolCallOutcome Outcome,
    TimeSpan Duration,
    string? Region,
    string? Account,
    IReadOnlyList<AwsRequestRecord> AwsRequests,
    IReadOnlyList<string> Resources);
