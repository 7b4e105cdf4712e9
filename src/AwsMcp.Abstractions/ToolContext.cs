using Microsoft.Extensions.Logging;

namespace AwsMcp.Abstractions;

/// <summary>
/// Per-call context the generated invoker passes to a tool method that declares a <see cref="ToolContext"/> parameter.
/// </summary>
public sealed class ToolContext
{
    /// <summary>The tool being called.</summary>
    public required string ToolName { get; init; }

    public required CallerIdentity Caller { get; init; }

    /// <summary>The region the call targets: the <c>region</c> argument, else the configured default. Null when neither is set.</summary>
    public string? Region { get; init; }

    /// <summary>The configured account name (from the <c>account</c> argument) whose role the call assumes; null for the server's own credentials.</summary>
    public string? Account { get; init; }

    /// <summary>True when the server allows mutating tools (they are refused before the tool runs otherwise).</summary>
    public bool WritesEnabled { get; init; }

    public required ILogger Logger { get; init; }

    public required IToolCallAudit Audit { get; init; }

    /// <summary>Cancelled when the client cancels the request or disconnects.</summary>
    public CancellationToken CancellationToken { get; init; }
}
