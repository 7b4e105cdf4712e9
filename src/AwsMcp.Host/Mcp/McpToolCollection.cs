using AwsMcp.Abstractions;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Tools;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace AwsMcp.Host.Mcp;

/// <summary>
/// The one tool collection every MCP session shares, kept in step with the <see cref="ToolRegistry"/>. A plugin
/// change becomes one batch, so stateful clients get a single <c>notifications/tools/list_changed</c>.
/// </summary>
public sealed class McpToolCollection
{
    private int _version;

    public McpToolCollection(ToolRegistry registry, DescriptorToolFactory tools, IOptions<SecurityOptions> security)
    {
        var confirmDestructive = security.Value.ConfirmDestructive;
        registry.Subscribe(change =>
        {
            using (Tools.DeferChangedEvents())
            {
                foreach (var removed in change.Removed)
                {
                    if (Tools.TryGetPrimitive(removed.Name, out var tool))
                    {
                        Tools.Remove(tool);
                    }
                }

                // Prompts, resources and completion sources have their own MCP methods (Mcp/Features).
                foreach (var added in change.Added.Where(served => served.Kind == ToolKind.Tool))
                {
                    Tools.Add(tools.Create(added, confirmDestructive));
                }
            }

            // After the collection changed: a list cached for an older version is rebuilt.
            Interlocked.Increment(ref _version);
        });
    }

    public McpServerPrimitiveCollection<McpServerTool> Tools { get; } = new(StringComparer.Ordinal);

    /// <summary>Changes after every change of <see cref="Tools"/>.</summary>
    public int Version => Volatile.Read(ref _version);
}
