using AwsMcp.Abstractions;
using AwsMcp.Host.ToolCalls.Audit;

namespace AwsMcp.Host.ToolCalls.Output;

/// <summary>
/// Redacts every result on its way out, errors and plans included, whatever the plugin did: a model must never be
/// handed a credential a tool happened to read (Lambda environment, EC2 user data, log lines).
/// </summary>
public sealed class OutputRedaction(IRedactor redactor) : IToolCallStep
{
    public async ValueTask<ToolResult> InvokeAsync(ToolCall call, ToolCallHandler next) => redactor.RedactResult(await next(call));
}
