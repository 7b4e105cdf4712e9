using AwsMcp.Host.Callers;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.ToolCalls;
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
    public McpToolCollection(ToolRegistry registry, ToolCallPipeline pipeline, ICallerIdentityResolver callers, IOptions<SecurityOptions> security)
    {
        var confirmDestructive = security.Value.ConfirmDestructive;
        registry.Subscribe(change =>
        {
            using var batch = Tools.DeferChangedEvents();
            foreach (var removed in change.Removed)
            {
                if (Tools.TryGetPrimitive(removed.Name, out var tool))
                {
                    Tools.Remove(tool);
                }
            }

            foreach (var added in change.Added)
            {
                Tools.Add(new DescriptorTool(added, pipeline, callers, confirmDestructive));
            }
        });
    }

    public McpServerPrimitiveCollection<McpServerTool> Tools { get; } = new(StringComparer.Ordinal);
}
