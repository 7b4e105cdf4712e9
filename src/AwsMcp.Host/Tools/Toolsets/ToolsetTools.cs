using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Host.ToolCalls.Authorization;

namespace AwsMcp.Host.Tools.Toolsets;

/// <summary>
/// The host's own tools in dynamic-toolset mode (<c>AwsMcp:Tools:DynamicToolsets</c>): a model starts with these two
/// and enables the toolsets a task needs, so that only their tools fill its context. They go through the same
/// pipeline (policy, audit) as every tool. A stateful client gets <c>notifications/tools/list_changed</c> after an
/// enable; a stateless one (Copilot Studio) sees the tools on its next <c>tools/list</c>, and the enable answer lists
/// them so that a client that calls tools by name can use them at once.
/// </summary>
public sealed class ToolsetTools(ToolPolicy policy, ToolsetSelections selections)
{
    /// <summary>The pseudo-plugin that serves them (no pack is named like this: pack names are folder names).</summary>
    public const string PluginName = "awsmcp";

    public const string ListName = "list_toolsets";
    public const string EnableName = "enable_toolset";

    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public IReadOnlyList<ToolDescriptor> Descriptors() =>
    [
        new ToolDescriptor(
            ListName,
            "List toolsets",
            "Lists the toolsets you can enable and their tools. Use first, then enable_toolset for the ones a task needs.",
            """{"type":"object","properties":{}}""",
            """{"type":"object","properties":{"toolsets":{"type":"array","items":{"type":"object"}}}}""",
            new ToolAnnotations(ReadOnly: true, Destructive: false, Idempotent: true, OpenWorld: false),
            "AwsMcp.Host.Tools.Toolsets.ToolsetTools.List",
            (_, context, _) => ValueTask.FromResult(List(context.Caller))) { Toolset = PluginName },
        new ToolDescriptor(
            EnableName,
            "Enable a toolset",
            "Enables a toolset's tools for you (see list_toolsets). Use when a task needs tools you do not have yet.",
            """{"type":"object","properties":{"toolset":{"type":"string","description":"e.g. ec2, s3, cost."}},"required":["toolset"]}""",
            """{"type":"object","properties":{"enabled":{"type":"string"},"tools":{"type":"array","items":{"type":"object"}}}}""",
            new ToolAnnotations(ReadOnly: true, Destructive: false, Idempotent: true, OpenWorld: false),
            "AwsMcp.Host.Tools.Toolsets.ToolsetTools.Enable",
            EnableAsync) { Toolset = PluginName },
    ];

    private ToolResult List(CallerIdentity caller)
    {
        var enabled = selections.Enabled(caller);
        return Json(writer =>
        {
            writer.WriteStartArray("toolsets");
            foreach (var toolset in Available(caller).GroupBy(tool => tool.Toolset).OrderBy(group => group.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("name", toolset.Key);
                writer.WriteBoolean("enabled", enabled.Contains(toolset.Key));
                writer.WriteStartArray("tools");
                foreach (var tool in toolset.OrderBy(tool => tool.Name, StringComparer.Ordinal))
                {
                    writer.WriteStringValue(tool.Name);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }

    private async ValueTask<ToolResult> EnableAsync(JsonElement arguments, ToolContext context, CancellationToken cancellationToken)
    {
        var name = arguments.GetProperty("toolset").GetString()!;
        var tools = Available(context.Caller).Where(tool => tool.Toolset == name).OrderBy(tool => tool.Name, StringComparer.Ordinal).ToList();
        if (tools.Count == 0)
        {
            throw new ToolArgumentException("toolset", $"'{name}' is not a toolset you can enable; list_toolsets lists them.");
        }

        await selections.EnableAsync(context.Caller, name, cancellationToken);
        return Json(writer =>
        {
            writer.WriteString("enabled", name);
            writer.WriteStartArray("tools");
            foreach (var tool in tools)
            {
                writer.WriteStartObject();
                writer.WriteString("name", tool.Name);
                writer.WriteString("description", tool.Descriptor.Description);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }

    // What policy would let the caller call once enabled: the toolsets to choose from.
    private IEnumerable<ServedTool> Available(CallerIdentity caller) =>
        policy.AvailableTools(caller).Where(tool => tool.PluginName != PluginName);

    private static ToolResult Json(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Writer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return ToolResult.Json(buffer.WrittenMemory.ToArray());
    }
}
