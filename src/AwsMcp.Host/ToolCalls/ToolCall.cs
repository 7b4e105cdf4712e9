using System.Text.Json;
using AwsMcp.Host.ToolCalls.Audit;
using AwsMcp.Host.ToolCalls.Authorization;
using AwsMcp.Host.Tools;

namespace AwsMcp.Host.ToolCalls;

/// <summary>One call travelling through the pipeline: what was asked, for which tool, and what the steps decided.</summary>
public sealed class ToolCall
{
    public required ToolCallRequest Request { get; init; }

    public required ServedTool Tool { get; init; }

    /// <summary>The tool's arguments as a JSON value (an empty object when none were sent), without <see cref="ConfirmationToken"/>.</summary>
    public required JsonElement Arguments { get; init; }

    /// <summary>The <c>confirmation_token</c> sent with a destructive tool's arguments, if any; see <c>ConfirmationStep</c>.</summary>
    public string? ConfirmationToken { get; init; }

    /// <summary>Ties the caller's error message, the audit record and the server log together.</summary>
    public required string CorrelationId { get; init; }

    /// <summary>The target region: the <c>region</c> argument, else the configured default, else <c>AWS_REGION</c>.</summary>
    public string? Region { get; init; }

    /// <summary>The target account name from the <c>account</c> argument; null for the server's own credentials.</summary>
    public string? Account { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public CancellationToken CancellationToken { get; init; }

    /// <summary>The policy decision; set by the authorization step.</summary>
    public PolicyDecision Decision { get; set; } = PolicyDecision.NotEvaluated;

    /// <summary>How the call ended; set by the step that produced the result.</summary>
    public ToolCallOutcome Outcome { get; set; } = ToolCallOutcome.Pending;

    /// <summary>What the tool reports about its AWS requests and resources, for the audit record.</summary>
    public ToolCallAuditTrail AuditTrail { get; } = new();
}
