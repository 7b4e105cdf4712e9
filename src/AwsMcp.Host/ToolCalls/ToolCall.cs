using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Host.Redaction;
using AwsMcp.Host.ToolCalls.Arguments;
using AwsMcp.Host.ToolCalls.Audit;
using AwsMcp.Host.ToolCalls.Authorization;
using AwsMcp.Host.Tools;

namespace AwsMcp.Host.ToolCalls;

/// <summary>
/// One tool call, built once at the edge of its channel and carried through the pipeline: what was asked, by whom,
/// its arguments (parsed once; the call owns their document), and what each stage established: the tool, the bound
/// arguments, the real target, the policy decision and the outcome. Disposed when the answer has been written.
/// </summary>
public sealed class ToolCall : IDisposable
{
    private readonly CallArguments _arguments;
    private string? _redactedArguments;

    public ToolCall(string toolName, CallArguments arguments, CallerIdentity caller, ToolCallChannel channel, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        ToolName = toolName;
        _arguments = arguments;
        Caller = caller;
        Channel = channel;
        StartedAt = startedAt;
        CancellationToken = cancellationToken;
        CorrelationId = Guid.NewGuid().ToString("N")[..12];
    }

    /// <summary>
    /// Which kind of entry the call asks for: a <c>tools/call</c> reaches tools only, a <c>prompts/get</c> prompts only,
    /// and so on, so that no MCP method runs what another one serves.
    /// </summary>
    public ToolKind Kind { get; set; } = ToolKind.Tool;

    /// <summary>The way back to the client during the call (progress, log messages, questions); none unless the channel has one.</summary>
    public IClientChannel Client { get; set; } = ClientChannel.None;

    /// <summary>The tool name as the caller sent it.</summary>
    public string ToolName { get; }

    public CallerIdentity Caller { get; }

    /// <summary>Which front door the call came through.</summary>
    public ToolCallChannel Channel { get; }

    /// <summary>Ties the caller's error message, the audit record and the server log together.</summary>
    public string CorrelationId { get; }

    public DateTimeOffset StartedAt { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The arguments as sent (an empty object when none were), the host's <c>confirmation_token</c> included.</summary>
    public JsonElement Arguments => _arguments.Root;

    /// <summary>Why the arguments were refused at the edge (duplicate property, invalid text, not an object), or null.</summary>
    public ArgumentProblem? ArgumentProblem => _arguments.Problem;

    /// <summary>The tool, once found in the registry; null for an unknown tool.</summary>
    public ServedTool? Tool { get; set; }

    /// <summary>The tool's own arguments: <see cref="Arguments"/> without the host's <c>confirmation_token</c>.</summary>
    public JsonElement ToolArguments { get; set; }

    /// <summary>The <c>confirmation_token</c> sent with a destructive tool's arguments, if any.</summary>
    public string? ConfirmationToken { get; set; }

    /// <summary>The arguments, checked and bound by the tool's binder; null until then (or when they did not bind).</summary>
    public BoundToolCall? Bound { get; set; }

    /// <summary>The region the call acts in: located, else asked for, else the configured default. Set before policy runs.</summary>
    public string? Region { get; set; }

    /// <summary>The configured account the call acts as; null for the server's own credentials.</summary>
    public string? Account { get; set; }

    /// <summary>The policy decision; set by authorization (and the confirmation check).</summary>
    public PolicyDecision Decision { get; set; } = PolicyDecision.NotEvaluated;

    /// <summary>How the call ended; set by the stage that produced the answer.</summary>
    public ToolCallOutcome Outcome { get; set; } = ToolCallOutcome.Pending;

    /// <summary>True once the call's intent record is durable: its closing record is then its outcome.</summary>
    public bool HasIntentRecord { get; set; }

    /// <summary>What the tool reports about its AWS requests, resources and further targets, for the audit record.</summary>
    public ToolCallAuditTrail AuditTrail { get; } = new();

    /// <summary>The arguments as the audit records show them: redacted once, before the tool runs.</summary>
    public string RedactedArguments(IRedactor redactor) => _redactedArguments ??= redactor.RedactArguments(Arguments);

    public void Dispose() => _arguments.Dispose();
}
