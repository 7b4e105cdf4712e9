using AwsMcp.Abstractions;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Redaction;
using AwsMcp.Host.ToolCalls.Authorization;
using AwsMcp.Host.ToolCalls.Targeting;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.ToolCalls.Execution;

/// <summary>
/// Runs plugin code for a call: the tool's region locator and the bound tool itself, each with a
/// <see cref="ToolContext"/> on the call's authorised target, counted in the plugin's running calls. Turns what they
/// throw into results: <see cref="ToolException"/> messages are meant for the caller; anything else is reported with
/// a correlation id only, and its detail (redacted) goes to the server log.
/// </summary>
public sealed partial class ToolExecutor(
    IOptionsMonitor<ToolOptions> options, CallTargets targets, ILoggerFactory loggerFactory, IRedactor redactor, ToolPolicy policy, ILogger<ToolExecutor> logger)
{
    private readonly CallTargetPolicy _targets = new(policy);

    /// <summary>Runs the bound tool; sets <see cref="ToolCall.Outcome"/>.</summary>
    public async ValueTask<ToolResult> InvokeAsync(ToolCall call)
    {
        using var running = call.Tool!.Calls.Enter();
        try
        {
            var result = await call.Bound!.InvokeAsync(Context(call), call.CancellationToken);
            call.Outcome = result.IsError ? ToolCallOutcome.ToolError : ToolCallOutcome.Succeeded;
            return result;
        }
        catch (Exception ex) when (!IsCallerCancellation(ex, call))
        {
            return Failure(call, ex);
        }
    }

    /// <summary>
    /// Resolves the call's target (<see cref="CallTargets"/>), running the tool's region locator if it has one; null
    /// when the target is known, else the answer to give (the locator failed: no such bucket, access denied, ...).
    /// </summary>
    public async ValueTask<ToolResult?> ResolveTargetAsync(ToolCall call)
    {
        if (call.Bound is not { LocatesRegion: true })
        {
            await targets.ResolveAsync(call, Context);
            return null;
        }

        using var running = call.Tool!.Calls.Enter();
        try
        {
            await targets.ResolveAsync(call, Context);
            return null;
        }
        catch (Exception ex) when (!IsCallerCancellation(ex, call))
        {
            return Failure(call, ex);
        }
    }

    /// <summary>
    /// Runs one target of a fan-out call (<c>ToolCalls/FanOut/</c>): <paramref name="bound"/> with a context on that
    /// region and account, until <paramref name="cancellationToken"/> (the target's timeout). What the tool throws
    /// becomes an error result, as for a whole call, but the call's outcome is the fan-out's to decide; a cancellation
    /// is left to the caller, which knows whether it was the timeout.
    /// </summary>
    public async ValueTask<ToolResult> InvokeTargetAsync(ToolCall call, BoundToolCall bound, string? region, string? account, CancellationToken cancellationToken)
    {
        using var running = call.Tool!.Calls.Enter();
        try
        {
            return await bound.InvokeAsync(Context(call, region, account, cancellationToken), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Error(call, ex).Result;
        }
    }

    private ToolContext Context(ToolCall call) => Context(call, call.Region, call.Account, call.CancellationToken);

    private ToolContext Context(ToolCall call, string? region, string? account, CancellationToken cancellationToken) => new()
    {
        ToolName = call.Tool!.Name,
        Caller = call.Caller,
        Region = region,
        Account = account,
        WritesEnabled = options.CurrentValue.WritesEnabled,
        Logger = new RedactingLogger(loggerFactory.CreateLogger($"AwsMcp.Plugins.{call.Tool.PluginName}"), redactor),
        Audit = call.AuditTrail,
        CancellationToken = cancellationToken,
        TargetPolicy = _targets,
        Client = call.Client,
    };

    private ToolResult Failure(ToolCall call, Exception exception)
    {
        (call.Outcome, var result) = Error(call, exception);
        return result;
    }

    private (ToolCallOutcome Outcome, ToolResult Result) Error(ToolCall call, Exception exception)
    {
        switch (exception)
        {
            case ToolArgumentException argument:
                return (ToolCallOutcome.InvalidArguments, ToolResult.Error(argument.Message));
            case ToolException tool:
                return (ToolCallOutcome.ToolError, ToolResult.Error(tool.Message));
            default:
                LogToolFailed(call.ToolName, call.Tool!.PluginName, call.CorrelationId, redactor.RedactText(exception.ToString()));
                return (ToolCallOutcome.Failed, ToolResult.Error(
                    $"Tool '{call.ToolName}' failed unexpectedly (correlation id {call.CorrelationId}); the server log has the details."));
        }
    }

    private static bool IsCallerCancellation(Exception exception, ToolCall call) =>
        exception is OperationCanceledException && call.CancellationToken.IsCancellationRequested;

    // The exception as redacted text: plugin exceptions can quote what AWS returned, credentials included.
    [LoggerMessage(Level = LogLevel.Error, Message = "Tool {Tool} (plugin {Plugin}) failed; correlation id {CorrelationId}: {Exception}")]
    private partial void LogToolFailed(string tool, string plugin, string correlationId, string exception);
}
