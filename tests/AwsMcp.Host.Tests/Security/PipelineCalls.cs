using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Host.Tests.Infrastructure;
using AwsMcp.Host.ToolCalls;

namespace AwsMcp.Host.Tests.Security;

/// <summary>Calls through the server's own pipeline as a given caller, without HTTP, for policy and confirmation rules.</summary>
internal static class PipelineCalls
{
    public static ValueTask<ToolResult> CallAsync(this InProcessServer server, string tool, string arguments, CallerIdentity? caller = null)
    {
        using var document = JsonDocument.Parse(arguments);
        return server.Service<ToolCallPipeline>().InvokeAsync(
            new ToolCallRequest(tool, document.RootElement.Clone(), caller ?? CallerIdentity.Local, ToolCallChannel.Mcp), CancellationToken.None);
    }
}
