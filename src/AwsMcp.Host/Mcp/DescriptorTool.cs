using System.Buffers;
using System.Text.Json;
using AwsMcp.Host.Callers;
using AwsMcp.Host.ToolCalls;
using AwsMcp.Host.ToolCalls.Confirmation;
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

    /// <param name="tool">The tool to serve.</param>
    /// <param name="pipeline">Where calls go.</param>
    /// <param name="callers">Who is calling.</param>
    /// <param name="confirmDestructive">Advertise the host's <c>confirmation_token</c> argument on destructive tools.</param>
    public DescriptorTool(ServedTool tool, ToolCallPipeline pipeline, ICallerIdentityResolver callers, bool confirmDestructive)
    {
        Served = tool;
        _pipeline = pipeline;
        _callers = callers;
        var annotations = tool.Descriptor.Annotations;
        var confirms = confirmDestructive && tool.IsDestructive;
        ProtocolTool = new Tool
        {
            Name = tool.Name,
            Title = tool.Descriptor.Title,
            Description = tool.Descriptor.Description,
            InputSchema = confirms ? ConfirmationArgument.AddTo(tool.InputSchema) : tool.InputSchema,
            // A confirming tool's first answer is a plan, not its result: an output schema would make strict clients
            // (MCP 2025-06-18+) reject that plan for lacking structured content of the declared shape.
            OutputSchema = confirms ? null : tool.OutputSchema,
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
