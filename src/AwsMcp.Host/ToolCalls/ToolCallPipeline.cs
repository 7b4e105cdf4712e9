using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Host.ToolCalls.Confirmation;
using AwsMcp.Host.ToolCalls.Execution;
using AwsMcp.Host.Tools;

namespace AwsMcp.Host.ToolCalls;

/// <summary>
/// The one way a tool is called, whatever the channel (MCP, the prototype endpoints, the command line): resolves the
/// tool and its AWS target, then runs the ordered <see cref="IToolCallStep"/>s and finally the <see cref="ToolExecutor"/>.
/// </summary>
public sealed partial class ToolCallPipeline
{
    private static readonly JsonElement EmptyArguments = JsonDocument.Parse("{}").RootElement.Clone();

    private readonly ToolRegistry _registry;
    private readonly AwsTargetResolver _targets;
    private readonly ToolCallHandler _entry;
    private readonly TimeProvider _time;
    private readonly ILogger<ToolCallPipeline> _logger;

    public ToolCallPipeline(
        ToolRegistry registry, AwsTargetResolver targets, IEnumerable<IToolCallStep> steps, ToolExecutor executor, TimeProvider time, ILogger<ToolCallPipeline> logger)
    {
        _registry = registry;
        _targets = targets;
        _time = time;
        _logger = logger;

        // Compose once: step[0](step[1](...(executor))).
        ToolCallHandler next = executor.InvokeAsync;
        foreach (var step in steps.Reverse())
        {
            var inner = next;
            next = call => step.InvokeAsync(call, inner);
        }

        _entry = next;
    }

    public ValueTask<ToolResult> InvokeAsync(ToolCallRequest request, CancellationToken cancellationToken)
    {
        if (!_registry.TryGet(request.ToolName, out var tool))
        {
            LogUnknownTool(request.ToolName, request.Channel);
            return ValueTask.FromResult(ToolResult.Error($"Unknown tool '{request.ToolName}'. List the tools to see what this server offers."));
        }

        var sent = request.Arguments is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } value ? value : EmptyArguments;

        // The confirmation token is the host's argument, not the tool's: schema validation and the invoker never see it.
        var (arguments, confirmationToken) = tool.IsDestructive ? ConfirmationArgument.Split(sent) : (sent, null);
        var (region, account) = _targets.Resolve(arguments);
        var call = new ToolCall
        {
            Request = request,
            Tool = tool,
            Arguments = arguments,
            ConfirmationToken = confirmationToken,
            StartedAt = _time.GetUtcNow(),
            CorrelationId = Guid.NewGuid().ToString("N")[..12],
            Region = region,
            Account = account,
            CancellationToken = cancellationToken,
        };
        return _entry(call);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call of unknown tool {Tool} via {Channel}")]
    private partial void LogUnknownTool(string tool, ToolCallChannel channel);
}
