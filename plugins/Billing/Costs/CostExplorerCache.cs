using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AwsMcp.Abstractions;

namespace AwsMcp.Billing.Costs;

/// <summary>
/// Remembers Cost Explorer answers for <see cref="Lifetime"/>: every CE request is billed (USD 0.01), and agents tend
/// to ask the same question several times in a conversation. Keys are the whole request plus the account it ran in.
/// The answers live in the pack cache the server gives (<see cref="ToolPackContext.Cache"/>), so that replicas sharing
/// a store pay once for a question any of them answered. Two concurrent misses of one key both fetch, which costs a
/// cent and keeps the code simple.
/// </summary>
public sealed class CostExplorerCache(IToolPackCache cache, TimeSpan lifetime, TimeProvider time)
{
    private const string KeyPrefix = "cost-explorer:";

    public TimeSpan Lifetime { get; } = lifetime;

    /// <summary>The cached answer for <paramref name="key"/>, or a fresh one from <paramref name="fetch"/>.</summary>
    /// <param name="type">How the answer is stored: a source-generated contract (<see cref="CostCacheJsonContext"/>), so that no reflection cache outlives the pack.</param>
    public async Task<CachedAnswer<T>> GetOrFetchAsync<T>(string key, JsonTypeInfo<CostCacheEntry<T>> type, Func<Task<T>> fetch, CancellationToken cancellationToken)
        where T : class
    {
        if (Lifetime > TimeSpan.Zero && await cache.GetAsync(KeyPrefix + key, cancellationToken).ConfigureAwait(false) is { } bytes
            && Read(bytes, type) is { } entry)
        {
            var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(entry.FetchedAt);
            if (age < Lifetime)
            {
                return new CachedAnswer<T>(entry.Value, FromCache: true, age < TimeSpan.Zero ? TimeSpan.Zero : age);
            }
        }

        var value = await fetch().ConfigureAwait(false);
        if (Lifetime > TimeSpan.Zero)
        {
            var stored = new CostCacheEntry<T>(time.GetUtcNow().ToUnixTimeMilliseconds(), value);
            await cache.SetAsync(KeyPrefix + key, JsonSerializer.SerializeToUtf8Bytes(stored, type), Lifetime, cancellationToken).ConfigureAwait(false);
        }

        return new CachedAnswer<T>(value, FromCache: false, TimeSpan.Zero);
    }

    // An entry another version of the pack wrote in another shape is a miss, not a failure: the answer is fetched again.
    private static CostCacheEntry<T>? Read<T>(byte[] bytes, JsonTypeInfo<CostCacheEntry<T>> type)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, type) is { Value: not null } entry ? entry : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
