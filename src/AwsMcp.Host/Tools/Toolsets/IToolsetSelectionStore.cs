using System.Collections.Immutable;

namespace AwsMcp.Host.Tools.Toolsets;

/// <summary>
/// Where the toolsets each caller enabled are kept (<see cref="ToolsetSelections"/>): in this process
/// (<see cref="MemoryToolsetSelectionStore"/>), or in the store the replicas share
/// (<c>SharedState/Redis/RedisToolsetSelectionStore</c>), so that a stateless client sees its choice on whichever
/// replica answers next. Reads are synchronous because the policy reads them while it decides, once per list or call.
/// </summary>
public interface IToolsetSelectionStore
{
    /// <summary>The toolsets <paramref name="caller"/> enabled (a caller key: authentication method and id).</summary>
    ImmutableSortedSet<string> Enabled(string caller);

    /// <summary>Enables <paramref name="toolset"/> for <paramref name="caller"/>.</summary>
    ValueTask EnableAsync(string caller, string toolset, CancellationToken cancellationToken);
}
