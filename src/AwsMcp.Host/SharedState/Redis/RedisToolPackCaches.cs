using AwsMcp.Abstractions;

namespace AwsMcp.Host.SharedState.Redis;

/// <summary>Each pack's cache in the shared store, under its name, with a cache of its own on this replica for when the store is unreachable.</summary>
public sealed class RedisToolPackCaches(RedisStore store, TimeProvider time) : IToolPackCaches
{
    public IToolPackCache For(string pluginName) => new RedisToolPackCache(store, pluginName, new MemoryToolPackCache(time));
}
