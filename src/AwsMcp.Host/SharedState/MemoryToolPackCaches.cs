using AwsMcp.Abstractions;

namespace AwsMcp.Host.SharedState;

/// <summary>A cache of its own in this process for each pack, dropped with the pack when it unloads.</summary>
public sealed class MemoryToolPackCaches(TimeProvider time) : IToolPackCaches
{
    public IToolPackCache For(string pluginName) => new MemoryToolPackCache(time);
}
