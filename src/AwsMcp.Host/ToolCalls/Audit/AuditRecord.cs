namespace AwsMcp.Host.ToolCalls.Audit;

/// <summary>
/// One audit record. A call that may change something gets two: an <see cref="AuditRecordKind.Intent"/> that is
/// durable before the tool runs, and an <see cref="AuditRecordKind.Outcome"/> after it. Reads and refusals get one
/// <see cref="AuditRecordKind.Call"/> record.
/// </summary>
/// <param name="Kind">Intent, outcome or a single call record.</param>
/// <param name="Time">When the call started (UTC).</param>
/// <param name="CorrelationId">Also given to the caller in unexpected-error messages and used in server logs; pairs intent and outcome.</param>
/// <param name="Channel">Which front door the call came through.</param>
/// <param name="CallerId">The caller's stable id.</param>
/// <param name="CallerName">The caller's display name.</param>
/// <param name="CallerAuthentication">How the caller was identified (<c>local</c>, <c>api-key</c>, <c>jwt</c>, ...).</param>
/// <param name="Tool">The tool name as called.</param>
/// <param name="Plugin">The plugin that serves the tool; null for an unknown tool.</param>
/// <param name="Region">The region the call acts in (a located region when the tool locates it).</param>
/// <param name="Account">The configured account it acts as.</param>
/// <param name="Resources">The resources its arguments name (redacted).</param>
/// <param name="ResourceCount">How many resources it creates or changes, as counted against the cap.</param>
/// <param name="Arguments">The arguments after redaction, as compact JSON; null in an outcome record (its intent has them).</param>
/// <param name="Allowed">The policy decision.</param>
/// <param name="PolicyRule">The rule that decided.</param>
/// <param name="Reason">Why the call was refused, as the caller was told; null when it was not.</param>
/// <param name="Outcome">How the call ended (<c>Pending</c> in an intent).</param>
/// <param name="Duration">Wall time in the pipeline so far.</param>
/// <param name="AwsRequests">AWS requests the tool reported.</param>
/// <param name="Targets">Further regions the tool reached, each authorised by policy; for a fan-out call, every target with its outcome.</param>
/// <param name="TouchedResources">Resources the tool reported reading or changing (redacted).</param>
/// <param name="Feature">What was called: a tool, or a pack's prompt, resource, template or completion source (then <see cref="Tool"/> is its name).</param>
public sealed record AuditRecord(
    AuditRecordKind Kind,
    DateTimeOffset Time,
    string CorrelationId,
    ToolCallChannel Channel,
    string CallerId,
    string CallerName,
    string CallerAuthentication,
    string Tool,
    string? Plugin,
    string? Region,
    string? Account,
    IReadOnlyList<string> Resources,
    int ResourceCount,
    string? Arguments,
    bool Allowed,
    string PolicyRule,
    string? Reason,
    ToolCallOutcome Outcome,
    TimeSpan Duration,
    IReadOnlyList<AwsRequestRecord> AwsRequests,
    IReadOnlyList<string> Targets,
    IReadOnlyList<string> TouchedResources,
    AwsMcp.Abstractions.ToolKind Feature = AwsMcp.Abstractions.ToolKind.Tool);

/// <summary>Which part of a call a record covers.</summary>
public enum AuditRecordKind
{
    /// <summary>A read or a refusal: one record, written when the call ends.</summary>
    Call,

    /// <summary>A call that may change something, before the tool runs; the call is refused if it cannot be written.</summary>
    Intent,

    /// <summary>How a call that had an intent record ended.</summary>
    Outcome,
}
