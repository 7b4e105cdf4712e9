using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcp.Abstractions;
using AwsMcp.Host.Callers;
using AwsMcp.Host.Mcp.Client;
using AwsMcp.Host.Redaction;
using AwsMcp.Host.ToolCalls;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AwsMcp.Host.Mcp.Features;

/// <summary>
/// Runs a prompt, a resource read or a completion source as a call through the one <see cref="ToolCallPipeline"/>
/// (bound once, authorised, audited, redacted, bounded, like a tool), and turns what a tool would answer with
/// <c>isError</c> into the JSON-RPC error those MCP methods use: they have no error result.
/// </summary>
public sealed class FeatureCalls(ToolCallPipeline pipeline, ToolCallFactory calls, ICallerIdentityResolver callers, IRedactor redactor)
{
    /// <summary>The result of <paramref name="name"/> of <paramref name="kind"/> with <paramref name="arguments"/>; a protocol error when it was not answered.</summary>
    public ValueTask<ToolResult> RunAsync<TParams>(
        RequestContext<TParams> request, ToolKind kind, string name, JsonObject arguments, CancellationToken cancellationToken)
        where TParams : RequestParams =>
        RunAsync(
            kind, name, arguments, callers.Resolve(request.User),
            new SdkClientChannel(request.Server, request.Params?.ProgressToken, "awsmcp", redactor), cancellationToken);

    /// <summary>The same for the server's own work on a caller's behalf (re-reading a subscribed resource).</summary>
    public async ValueTask<ToolResult> RunAsync(
        ToolKind kind, string name, JsonObject arguments, CallerIdentity caller, IClientChannel client, CancellationToken cancellationToken)
    {
        var utf8 = JsonSerializer.SerializeToUtf8Bytes(arguments, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonObject)));
        using var call = calls.Create(name, utf8, caller, ToolCallChannel.Mcp, cancellationToken);
        call.Kind = kind;
        call.Client = client;
        var result = await pipeline.InvokeAsync(call);
        return call.Outcome switch
        {
            ToolCallOutcome.Succeeded => result,
            ToolCallOutcome.UnknownTool when kind is ToolKind.Resource or ToolKind.ResourceTemplate =>
                throw new McpProtocolException(result.Text, McpErrorCode.ResourceNotFound),
            ToolCallOutcome.UnknownTool or ToolCallOutcome.InvalidArguments => throw new McpProtocolException(result.Text, McpErrorCode.InvalidParams),
            ToolCallOutcome.Refused or ToolCallOutcome.TooLarge => throw new McpProtocolException(result.Text, McpErrorCode.InvalidRequest),
            _ => throw new McpProtocolException(result.Text, McpErrorCode.InternalError),
        };
    }
}
