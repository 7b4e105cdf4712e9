using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcp.Abstractions;
using AwsMcp.Abstractions.Runtime;
using AwsMcp.Host.Callers;
using AwsMcp.Host.Mcp.Client;
using AwsMcp.Host.Redaction;
using AwsMcp.Host.ToolCalls;
using AwsMcp.Host.ToolCalls.Confirmation;
using AwsMcp.Host.Tools;
using AwsMcp.Host.Tools.Toolsets;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using McpToolAnnotations = ModelContextProtocol.Protocol.ToolAnnotations;

namespace AwsMcp.Host.Mcp;

/// <summary>
/// One plugin tool as the MCP SDK sees it: its protocol description for <c>tools/list</c>, and calls that arrive
/// through the SDK (stdio, stateful HTTP sessions), which go into the shared <see cref="ToolCallPipeline"/>.
/// Stateless HTTP calls skip the SDK (<see cref="Http.McpFront"/>) and never reach here.
/// </summary>
public sealed class DescriptorTool : McpServerTool
{
    private readonly ToolCallPipeline _pipeline;
    private readonly ToolCallFactory _calls;
    private readonly ICallerIdentityResolver _callers;
    private readonly IRedactor _redactor;

    internal DescriptorTool(
        ServedTool tool, ToolCallPipeline pipeline, ToolCallFactory calls, ICallerIdentityResolver callers, PublishedSchemas schemas, IRedactor redactor, bool confirmDestructive)
    {
        Served = tool;
        _pipeline = pipeline;
        _calls = calls;
        _callers = callers;
        _redactor = redactor;
        var annotations = tool.Descriptor.Annotations;
        var confirms = confirmDestructive && tool.IsDestructive;
        ProtocolTool = new Tool
        {
            Name = tool.Name,
            Title = tool.Descriptor.Title,
            Description = tool.Descriptor.Description,
            InputSchema = confirms ? ConfirmationArgument.AddTo(schemas.Input(tool)) : schemas.Input(tool),
            // A confirming tool's first answer is a plan, not its result: an output schema would make strict clients
            // (MCP 2025-06-18+) reject that plan for lacking structured content of the declared shape.
            OutputSchema = confirms ? null : schemas.Output(tool.OutputSchema),

            // Only hints that differ from what MCP assumes without them (the title is the tool's own): a read-only
            // tool says so and nothing about destruction or idempotence, which MCP defines only for writes.
            Annotations = new McpToolAnnotations
            {
                ReadOnlyHint = annotations.ReadOnly ? true : null,
                DestructiveHint = annotations.ReadOnly || annotations.Destructive ? null : false,
                IdempotentHint = !annotations.ReadOnly && annotations.Idempotent ? true : null,
                OpenWorldHint = annotations.OpenWorld ? null : false,
            },
        };
    }

    public ServedTool Served { get; }

    public override Tool ProtocolTool { get; }

    public override IReadOnlyList<object> Metadata => [];

    public override async ValueTask<CallToolResult> InvokeAsync(
        RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        using var call = Edge(Served.Name, request.JsonRpcRequest, _calls, _callers.Resolve(request.User), cancellationToken);
        call.Client = new SdkClientChannel(request.Server, request.Params?.ProgressToken, $"awsmcp.{Served.PluginName}", _redactor);
        var result = await _pipeline.InvokeAsync(call);
        if (Served.PluginName == ToolsetTools.PluginName && Served.Name == ToolsetTools.EnableName && !result.IsError)
        {
            // This session's list changed (tools/list is filtered per caller): tell a client that listens. Not awaited:
            // the notification travels on the session's listening stream, which the client may not have open yet, and
            // the call's answer must never wait for it.
            _ = NotifyListChangedAsync(request.Server);
        }

        return SdkCallProblems.Of(request.JsonRpcRequest) is { ProtocolError: true }
            ? throw new McpProtocolException(result.Text, McpErrorCode.InvalidParams)
            : ToolResultMapper.ToCallToolResult(ProtocolTool, result);
    }

    private static async Task NotifyListChangedAsync(McpServer server)
    {
        try
        {
            await server.SendNotificationAsync(NotificationMethods.ToolListChangedNotification, CancellationToken.None);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException or IOException or OperationCanceledException)
        {
            // The session ended first: nobody is left to tell.
        }
    }

    /// <summary>
    /// A call from the SDK's request: the arguments as the client sent them (the SDK keeps its parsed JSON, duplicate
    /// properties included), checked like on every channel; or refused for what the message filter found.
    /// </summary>
    internal static ToolCall Edge(string tool, JsonRpcRequest request, ToolCallFactory calls, CallerIdentity caller, CancellationToken cancellationToken)
    {
        if (SdkCallProblems.Of(request) is { } problem)
        {
            return calls.Refused(tool, problem.Argument, caller, ToolCallChannel.Mcp, cancellationToken);
        }

        var arguments = request.Params is JsonObject values && values.TryGetPropertyValue("arguments", out var node) ? node : null;
        if (arguments is null)
        {
            return calls.Create(tool, ReadOnlyMemory<byte>.Empty, caller, ToolCallChannel.Mcp, cancellationToken);
        }

        byte[] utf8;
        try
        {
            utf8 = JsonSerializer.SerializeToUtf8Bytes(arguments, ModelContextProtocol.McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonNode)));
        }
        catch (InvalidOperationException)
        {
            return calls.Refused(
                tool, new ArgumentProblem(JsonArgumentReader.RootPath, "contain a string that is not valid text (an unpaired UTF-16 surrogate)"), caller,
                ToolCallChannel.Mcp, cancellationToken);
        }

        return calls.Create(tool, utf8, caller, ToolCallChannel.Mcp, cancellationToken);
    }
}

/// <summary>Makes the <see cref="DescriptorTool"/>s of the shared collection.</summary>
public sealed class DescriptorToolFactory(ToolCallPipeline pipeline, ToolCallFactory calls, ICallerIdentityResolver callers, PublishedSchemas schemas, IRedactor redactor)
{
    public DescriptorTool Create(ServedTool tool, bool confirmDestructive) => new(tool, pipeline, calls, callers, schemas, redactor, confirmDestructive);
}
