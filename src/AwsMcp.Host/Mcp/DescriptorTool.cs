using System.Buffers;
using System.Text.Json;
using AwsMcp.Host.Callers;
using AwsMcp.Host.ToolCalls;
using AwsMcp.Host.Tools;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using McpToolAnnotations = ModelContextProtocol.Protocol.ToolAnnotations;

namespace AwsMcp.Host.Mcp;

/// <summary>
/// One plugin tool as the MCP SDK sees it. The SDK handles <c>tools/list</c>, <c>tools/call</c> routing and
/// notifications; the call itself goes straight into the shared <see cref="ToolCallPipeline"/>.
/// </summary>
public sealed class DescriptorTool : McpServerTool
{
    private readonly ToolCallPipeline _pipeline;
    private readonly ICallerIdentityResolver _callers;

    public DescriptorTool(ServedTool tool, ToolCallPipeline pipeline, ICallerIdentityResolver callers)
    {
        Served = tool;
        _pipeline = pipeline;
        _callers = callers;
        var annotations = tool.Descriptor.Annotations;
        ProtocolTool = new Tool
        {
            Name = tool.Name,
            Title = tool.Descriptor.Title,
            Description = tool.Descriptor.Description,
            InputSchema = tool.InputSchema,
            OutputSchema = tool.OutputSchema,
            Annotations = new McpToolAnnotations
            {
                Title = tool.Descriptor.Title,
                ReadOnlyHint = annotations.ReadOnly,
                DestructiveHint = annotations.Destructive,
                IdempotentHint = annotations.Idempotent,
                OpenWorldHint = annotations.OpenWorld,
            },
        };
    }

    public ServedTool Served { get; }

    public override Tool ProtocolTool { get; }

    public override IReadOnlyList<object> Metadata => [];

    public override async ValueTask<CallToolResult> InvokeAsync(
        RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        var call = new ToolCallRequest(
            Served.Name, ToJsonObject(request.Params?.Arguments), _callers.Resolve(request.User), ToolCallChannel.Mcp);
        var result = await _pipeline.InvokeAsync(call, cancellationToken);
        return ToolResultMapper.ToCallToolResult(Served, result);
    }

    private static JsonElement? ToJsonObject(IDictionary<string, JsonElement>? arguments)
    {
        if (arguments is null)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in arguments)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return JsonDocument.Parse(buffer.WrittenMemory).RootElement;
    }
}
