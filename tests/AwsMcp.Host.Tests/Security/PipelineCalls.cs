using System.Text;
using AwsMcp.Abstractions;
using AwsMcp.Host.Tests.Infrastructure;
using AwsMcp.Host.ToolCalls;

namespace AwsMcp.Host.Tests.Security;

/// <summary>Calls through the server's own pipeline as a given caller, without HTTP, for policy and confirmation rules.</summary>
internal static class PipelineCalls
{
    public static async ValueTask<ToolResult> CallAsync(this InProcessServer server, string tool, string arguments, CallerIdentity? caller = null)
    {
        using var call = server.Service<ToolCallFactory>().Create(
            tool, Encoding.UTF8.GetBytes(arguments), caller ?? CallerIdentity.Local, ToolCallChannel.Mcp, CancellationToken.None);
        return await server.Service<ToolCallPipeline>().InvokeAsync(call);
    }
}
