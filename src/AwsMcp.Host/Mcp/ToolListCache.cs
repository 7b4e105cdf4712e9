using System.Collections.Concurrent;
using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Host.ToolCalls.Authorization;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AwsMcp.Host.Mcp;

/// <summary>
/// <c>tools/list</c> answered from a cache: per set of visible tools (callers with the same
/// <see cref="ToolPolicy.VisibilityKey"/> see the same tools), the protocol tools and their JSON, serialised once and
/// rebuilt only when the plugins or the policy change. Every channel lists from here.
/// </summary>
public sealed class ToolListCache(McpToolCollection collection, ToolPolicy policy)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _built = -1;

    /// <summary>The tools <paramref name="caller"/> may see: as protocol objects and as the JSON array of <c>tools</c>.</summary>
    public Entry For(CallerIdentity caller)
    {
        var current = ((long)collection.Version << 32) | (uint)policy.Generation;
        if (Interlocked.Exchange(ref _built, current) != current)
        {
            _entries.Clear();
        }

        return _entries.GetOrAdd(policy.VisibilityKey(caller), static (_, state) => state.Self.Build(state.Caller), (Self: this, Caller: caller));
    }

    private Entry Build(CallerIdentity caller)
    {
        var tools = new List<Tool>();
        foreach (var served in policy.VisibleTools(caller))
        {
            if (collection.Tools.TryGetPrimitive(served.Name, out var tool))
            {
                tools.Add(tool.ProtocolTool);
            }
        }

        return new Entry(tools, JsonSerializer.SerializeToUtf8Bytes(tools, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(List<Tool>))));
    }

    /// <summary>One cached list.</summary>
    /// <param name="Tools">The protocol tools, for the MCP SDK's own <c>tools/list</c> (stdio, stateful sessions).</param>
    /// <param name="Json">The same as a JSON array, for answers the host writes itself.</param>
    public sealed record Entry(IList<Tool> Tools, byte[] Json);
}
