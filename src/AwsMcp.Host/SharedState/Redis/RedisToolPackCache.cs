using AwsMcp.Abstractions;
using StackExchange.Redis;

namespace AwsMcp.Host.SharedState.Redis;

/// <summary>
/// One pack's <see cref="IToolPackCache"/> in the store all replicas share, under the pack's name, so that an answer
/// one replica paid for serves every replica. While the store is unreachable the pack's cache on this replica
/// (<see cref="MemoryToolPackCache"/>) answers: the pack computes locally, as a single server would.
/// </summary>
public sealed class RedisToolPackCache(RedisStore store, string pluginName, MemoryToolPackCache local) : IToolPackCache
{
    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (store.Database() is not { } database)
        {
            return await local.GetAsync(key, cancellationToken);
        }

        try
        {
            var value = await database.StringGetAsync(Key(key));
            store.Succeeded();
            return value.IsNull ? null : (byte[])value!;
        }
        catch (Exception e) when (RedisStore.IsStoreFailure(e))
        {
            store.Failed(e);
            return await local.GetAsync(key, cancellationToken);
        }
    }

    public async ValueTask SetAsync(string key, ReadOnlyMemory<byte> value, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            return;
        }

        if (store.Database() is not { } database)
        {
            await local.SetAsync(key, value, lifetime, cancellationToken);
            return;
        }

        try
        {
            await database.StringSetAsync(Key(key), value, lifetime);
            store.Succeeded();
        }
        catch (Exception e) when (RedisStore.IsStoreFailure(e))
        {
            store.Failed(e);
            await local.SetAsync(key, value, lifetime, cancellationToken);
        }
    }

    private RedisKey Key(string key) => $"pack:{pluginName}:{key}";
}
