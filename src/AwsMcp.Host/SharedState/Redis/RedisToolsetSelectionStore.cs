using System.Collections.Immutable;
using AwsMcp.Host.Tools.Toolsets;
using StackExchange.Redis;

namespace AwsMcp.Host.SharedState.Redis;

/// <summary>
/// <see cref="IToolsetSelectionStore"/> that all replicas share: a set of toolset names per caller, kept for
/// <see cref="Lifetime"/> after the caller last enabled one. Every choice is also kept on this replica
/// (<see cref="MemoryToolsetSelectionStore"/>), which answers while the store is unreachable: a caller then sees what
/// it enabled through this replica, as a single server would.
/// </summary>
public sealed class RedisToolsetSelectionStore(RedisStore store, MemoryToolsetSelectionStore local) : IToolsetSelectionStore
{
    /// <summary>How long a caller's choices outlive its last enable: long enough for any conversation, bounded for callers that never come back.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    // Synchronous (IToolsetSelectionStore): one round trip per list or call, and none while the store is known to be down.
    public ImmutableSortedSet<string> Enabled(string caller)
    {
        if (store.Database() is not { } database)
        {
            return local.Enabled(caller);
        }

        try
        {
            var members = database.SetMembers(Key(caller));
            store.Succeeded();
            return [.. members.Select(member => member.ToString())];
        }
        catch (Exception e) when (RedisStore.IsStoreFailure(e))
        {
            store.Failed(e);
            return local.Enabled(caller);
        }
    }

    public async ValueTask EnableAsync(string caller, string toolset, CancellationToken cancellationToken)
    {
        await local.EnableAsync(caller, toolset, cancellationToken);
        if (await store.DatabaseAsync(cancellationToken) is not { } database)
        {
            return;
        }

        try
        {
            var transaction = database.CreateTransaction();
            _ = transaction.SetAddAsync(Key(caller), toolset);
            _ = transaction.KeyExpireAsync(Key(caller), Lifetime);
            await transaction.ExecuteAsync();
            store.Succeeded();
        }
        catch (Exception e) when (RedisStore.IsStoreFailure(e))
        {
            store.Failed(e);
        }
    }

    private static RedisKey Key(string caller) => $"toolsets:{caller}";
}
