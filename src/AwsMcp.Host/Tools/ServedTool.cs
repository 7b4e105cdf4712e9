using System.Text.Json;
using AwsMcp.Abstractions;
using NJsonSchema;

namespace AwsMcp.Host.Tools;

/// <summary>A validated descriptor ready to serve, with its schemas parsed once at load time.</summary>
/// <param name="Descriptor">What the plugin declared.</param>
/// <param name="PluginName">The plugin (folder name) that serves the tool.</param>
/// <param name="InputSchema">The input schema as JSON, for MCP <c>tools/list</c>.</param>
/// <param name="OutputSchema">The output schema as JSON, or null when the tool returns text only.</param>
/// <param name="ArgumentSchema">The input schema compiled for argument validation.</param>
public sealed record ServedTool(
    ToolDescriptor Descriptor,
    string PluginName,
    JsonElement InputSchema,
    JsonElement? OutputSchema,
    JsonSchema ArgumentSchema)
{
    public string Name => Descriptor.Name;

    /// <summary>True when the tool changes AWS resources (not declared read-only).</summary>
    public bool IsMutating => !Descriptor.Annotations.ReadOnly;

    /// <summary>True when the tool's change cannot be undone: it runs only with a confirmation token.</summary>
    public bool IsDestructive => Descriptor.Annotations.Destructive;
}
