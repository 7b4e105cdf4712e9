using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Host.Plugins;
using AwsMcp.Host.ToolCalls.Binding;

namespace AwsMcp.Host.Tools;

/// <summary>A validated descriptor ready to serve, with its schemas parsed once at load time.</summary>
public sealed class ServedTool
{
    private readonly SchemaBinder? _schemaBinder;

    /// <param name="descriptor">What the plugin declared.</param>
    /// <param name="pluginName">The plugin (folder name) that serves the tool.</param>
    /// <param name="inputSchema">The input schema as JSON, for MCP <c>tools/list</c>.</param>
    /// <param name="outputSchema">The output schema as JSON, or null when the tool returns text only.</param>
    /// <param name="calls">Counts the plugin's running calls, so that its services are disposed only once they are done.</param>
    /// <param name="schemaBinder">Validates and binds the arguments of a hand-built descriptor (null for generated ones).</param>
    public ServedTool(ToolDescriptor descriptor, string pluginName, JsonElement inputSchema, JsonElement? outputSchema, PluginCalls calls, SchemaBinder? schemaBinder)
    {
        Descriptor = descriptor;
        PluginName = pluginName;
        InputSchema = inputSchema;
        OutputSchema = outputSchema;
        Calls = calls;
        _schemaBinder = schemaBinder;
    }

    public ToolDescriptor Descriptor { get; }

    public string PluginName { get; }

    /// <summary>The tool's toolset: declared (<c>[Toolset]</c>), else its pack's name in lower case (<c>AwsMcp.Storage</c>: <c>storage</c>).</summary>
    public string Toolset => Descriptor.Toolset ?? PluginName[(PluginName.LastIndexOf('.') + 1)..].ToLowerInvariant();

    public JsonElement InputSchema { get; }

    public JsonElement? OutputSchema { get; }

    public PluginCalls Calls { get; }

    public string Name => Descriptor.Name;

    /// <summary>The MCP feature it serves (a tool, a prompt, a resource, a template, a completion source).</summary>
    public ToolKind Kind => Descriptor.Kind;

    /// <summary>What the arguments mean to the host (target, resources, counts, narrowing).</summary>
    public ToolArgumentRoles Roles => Descriptor.Roles;

    /// <summary>True when the tool changes AWS resources (not declared read-only).</summary>
    public bool IsMutating => !Descriptor.Annotations.ReadOnly;

    /// <summary>True when the tool's change cannot be undone: it runs only with a confirmation token.</summary>
    public bool IsDestructive => Descriptor.Annotations.Destructive;

    /// <summary>Checks and binds <paramref name="arguments"/>, once; a <see cref="ToolArgumentException"/> lists every problem.</summary>
    public BoundToolCall Bind(JsonElement arguments) =>
        Descriptor.Binder is { } binder ? binder(arguments) : _schemaBinder!.Bind(arguments);
}
