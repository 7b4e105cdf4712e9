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

    /// <summary>
    /// The region the call was authorised for: the located region of a tool with a region locator, else the
    /// <c>region</c> argument, else the configured default. Null when none is known.
    /// </summary>
    public string? Region { get; init; }

    /// <summary>The configured account name (from the <c>account</c> argument) whose role the call assumes; null for the server's own credentials.</summary>
    public string? Account { get; init; }

    /// <summary>True when the server allows mutating tools (they are refused before the tool runs otherwise).</summary>
    public bool WritesEnabled { get; init; }

    public required ILogger Logger { get; init; }

    public required IToolCallAudit Audit { get; init; }

    /// <summary>Cancelled when the client cancels the request or disconnects.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>
    /// The way back to the client during the call: progress, log messages, questions for the user, requests to the
    /// client's model. <see cref="ClientChannel.None"/> when nothing can be carried (the command line, a JSON-only client).
    /// </summary>
    public IClientChannel Client { get; init; } = ClientChannel.None;

    /// <summary>The host's policy for <see cref="Retarget"/>; null allows every target (tests, tools run outside a host).</summary>
    public IToolTargetPolicy? TargetPolicy { get; init; }

    /// <summary>
    /// This call, aimed at another region (and account) it has to reach, e.g. a bucket listed here that lives
    /// elsewhere: the host's policy decides, the audit record names it, and a refusal is a <see cref="ToolException"/>
    /// with the reason. Returns this context when nothing changes.
    /// </summary>
    public ToolContext Retarget(string region, string? account = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        account ??= Account;
        if (region == Region && account == Account)
        {
            return this;
        }

        if (TargetPolicy?.Authorize(region, account) is { } refusal)
        {
            throw new ToolException(refusal);
        }

        Audit.Target(region, account);
        return new ToolContext
        {
            ToolName = ToolName,
            Caller = Caller,
            Region = region,
            Account = account,
            WritesEnabled = WritesEnabled,
            Logger = Logger,
            Audit = Audit,
            CancellationToken = CancellationToken,
            TargetPolicy = TargetPolicy,
            Client = Client,
        };
    }

    /// <summary>Like <see cref="Retarget"/>, but answers false (and null) instead of throwing when policy refuses.</summary>
    public bool TryRetarget(string region, out ToolContext? retargeted)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        if (region != Region && TargetPolicy?.Authorize(region, Account) is not null)
        {
            retargeted = null;
            return false;
        }

        retargeted = Retarget(region);
        return true;
    }
}
