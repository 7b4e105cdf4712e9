using AwsMcp.Abstractions;
using AwsMcp.Host.Buffers;
using AwsMcp.Host.ToolCalls;

namespace AwsMcp.Host.Mcp.Http;

/// <summary>
/// Answers <c>tools/list</c> (from <see cref="ToolListCache"/>) and <c>tools/call</c> (through the
/// <see cref="ToolCallPipeline"/>) for the HTTP channels that skip the MCP SDK: stateless Streamable HTTP and the
/// prototype's plain-JSON endpoints. The arguments' document moves from the request to the call, parsed once.
/// </summary>
public sealed class ToolRequestHandler(ToolListCache lists, McpToolCollection tools, ToolCallPipeline pipeline, ToolCallFactory calls)
{
    /// <summary>The JSON-RPC answer to <paramref name="request"/>, as UTF-8 in a pooled buffer the caller disposes.</summary>
    /// <param name="client">The way back to the client during a call (progress on the answer's stream), or null for none.</param>
    public async ValueTask<PooledBufferWriter> AnswerAsync(
        JsonRpcToolRequest request, CallerIdentity caller, ToolCallChannel channel, CancellationToken cancellationToken, IClientChannel? client = null)
    {
        var output = new PooledBufferWriter(4096);
        try
        {
            await WriteAnswerAsync(request, caller, channel, output, client ?? ClientChannel.None, cancellationToken);
            return output;
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    private async ValueTask WriteAnswerAsync(
        JsonRpcToolRequest request, CallerIdentity caller, ToolCallChannel channel, PooledBufferWriter output, IClientChannel client, CancellationToken cancellationToken)
    {
        if (request.Error is { } error)
        {
            using var errorWriter = CallToolResultJson.CreateWriter(output);
            CallToolResultJson.WriteError(errorWriter, request.Id, error.Code, error.Message);
            return;
        }

        if (request.Method == JsonRpcToolRequest.ToolsList)
        {
            using var listWriter = CallToolResultJson.CreateWriter(output);
            CallToolResultJson.WriteToolList(listWriter, request.Id, lists.For(caller).Json);
            return;
        }

        using var call = request.ArgumentProblem is { } problem
            ? calls.Refused(request.ToolName, problem, caller, channel, cancellationToken)
            : calls.Create(request.ToolName, request.Arguments, request.TakeDocument(), caller, channel, cancellationToken);
        call.Client = client;
        var result = await pipeline.InvokeAsync(call);
        using var writer = CallToolResultJson.CreateWriter(output);
        if (call.Outcome == ToolCallOutcome.UnknownTool)
        {
            CallToolResultJson.WriteError(writer, request.Id, -32602, result.Text);
        }
        else if (request.AnswerAsInvalidParams)
        {
            CallToolResultJson.WriteError(writer, request.Id, -32602, result.Text);
        }
        else
        {
            var structured = tools.Tools.TryGetPrimitive(request.ToolName, out var tool) && tool.ProtocolTool.OutputSchema is not null;
            CallToolResultJson.WriteResult(writer, request.Id, result, structured);
        }
    }
}
