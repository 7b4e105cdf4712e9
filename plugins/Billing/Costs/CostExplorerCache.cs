using System.Collections.Concurrent;

namespace AwsMcp.Billing.Costs;

/// <summary>
/// Remembers Cost Explorer answers for <see cref="Lifetime"/>: every CE request is billed (USD 0.01), and agents tend
/// to ask the same question several times in a conversation. Keys are the whole request plus the account it ran in.
/// Thread-safe; two concurrent misses of one key both fetch, which costs a cent and keeps the code simple.
/// </summary>
public sealed class CostExplorerCache(TimeSpan lifetime, TimeProvider time)
{
    // Bounds memory when many distinct queries arrive; expired entries go first, then the oldest.
    private const int MaxEntries = 256;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public TimeSpan Lifetime { get; } = lifetime;

    /// <summary>The cached answer for <paramref name="key"/>, or a fresh one from <paramref name="fetch"/>.</summary>
    public async Task<CachedAnswer<T>> GetOrFetchAsync<T>(string key, Func<Task<T>> fetch)
        where T : class
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && now - entry.FetchedAt < Lifetime && entry.Value is T cached)
        {
            return new CachedAnswer<T>(cached, FromCache: true, now - entry.FetchedAt);
        }

        var value = await fetch().ConfigureAwait(false);
        if (Lifetime > TimeSpan.Zero)
        {
            Trim(now);
            _entries[key] = new Entry(value, time.GetUtcNow());
        }

        return new CachedAnswer<T>(value, FromCache: false, TimeSpan.Zero);
    }

    private void Trim(DateTimeOffset now)
    {
        foreach (var (key, stale) in _entries.Where(pair => now - pair.Value.FetchedAt >= Lifetime))
        {
            _entries.TryRemove(KeyValuePair.Create(key, stale));
        }

        foreach (var (key, oldest) in _entries.OrderBy(pair => pair.Value.FetchedAt).Take(Math.Max(0, _entries.Count - MaxEntries + 1)))
        {
            _entries.TryRemove(KeyValuePair.Create(key, oldest));
        }
    }

    private sealed record Entry(object Value, DateTimeOffset FetchedAt);
}
