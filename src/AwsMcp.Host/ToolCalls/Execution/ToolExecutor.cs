using AwsMcp.Abstractions;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.ToolCalls.Audit;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.ToolCalls.Execution;

/// <summary>
/// The end of the pipeline: runs the plugin's invoker with a <see cref="ToolContext"/> and turns what it throws into
/// results. <see cref="ToolException"/> messages are meant for the caller; anything else is reported with a
/// correlation id only, and its detail goes to the server log.
/// </summary>
public sealed partial class ToolExecutor(
    IOptionsMonitor<ToolOptions> options, ILoggerFactory loggerFactory, IRedactor redactor, ILogger<ToolExecutor> logger)
{
    public async ValueTask<ToolResult> InvokeAsync(ToolCall call)
    {
        var context = new ToolContext
        {
            ToolName = call.Tool.Name,
            Caller = call.Request.Caller,
            Region = call.Region,
            Account = call.Account,
            WritesEnabled = options.CurrentValue.WritesEnabled,
            Logger = new RedactingLogger(loggerFactory.CreateLogger($"AwsMcp.Plugins.{call.Tool.PluginName}"), redactor),
            Audit = call.AuditTrail,
            CancellationToken = call.CancellationToken,
        };

        try
        {
            var result = await call.Tool.Descriptor.Invoker(call.Arguments, context, call.CancellationToken);
            call.Outcome = result.IsError ? ToolCallOutcome.ToolError : ToolCallOutcome.Succeeded;
            return result;
        }
        catch (OperationCanceledException) when (call.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ToolArgumentException ex)
        {
            call.Outcome = ToolCallOutcome.InvalidArguments;
            return ToolResult.Error(ex.Message);
        }
        catch (ToolException ex)
        {
            call.Outcome = ToolCallOutcome.ToolError;
            return ToolResult.Error(ex.Message);
        }
        catch (Exception ex)
        {
            call.Outcome = ToolCallOutcome.Failed;
            LogToolFailed(call.Tool.Name, call.Tool.PluginName, call.CorrelationId, redactor.RedactText(ex.ToString()));
            return ToolResult.Error(
                $"Tool '{call.Tool.Name}' failed unexpectedly (correlation id {call.CorrelationId}); the server log has the details.");
        }
    }

    // The exception as redacted text: plugin exceptions can quote what AWS returned, credentials included.
    [LoggerMessage(Level = LogLevel.Error, Message = "Tool {Tool} (plugin {Plugin}) failed; correlation id {CorrelationId}: {Exception}")]
    private partial void LogToolFailed(string tool, string plugin, string correlationId, string exception);
}
