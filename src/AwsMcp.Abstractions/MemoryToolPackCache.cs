using System.Collections.Concurrent;

namespace AwsMcp.Abstractions;

/// <summary>
/// <see cref="IToolPackCache"/> in this process: what a single server gives its packs, and what a pack gets from a
/// <see cref="ToolPackContext"/> made without a cache (tests). Bounded: past <see cref="MaxEntries"/> the expired
/// entries go first, then the oldest.
/// </summary>
public sealed class MemoryToolPackCache(TimeProvider? time = null) : IToolPackCache
{
    public const int MaxEntries = 1024;

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_entries.TryGetValue(key, out var entry) && entry.Expires > _time.GetUtcNow() ? entry.Value : null);

    public ValueTask SetAsync(string key, ReadOnlyMemory<byte> value, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            return ValueTask.CompletedTask;
        }

        var now = _time.GetUtcNow();
        if (_entries.Count >= MaxEntries)
        {
            Trim(now);
        }

        _entries[key] = new Entry(value.ToArray(), now, now + lifetime);
        return ValueTask.CompletedTask;
    }

    private void Trim(DateTimeOffset now)
    {
        foreach (var (key, expired) in _entries.Where(pair => pair.Value.Expires <= now))
        {
            _entries.TryRemove(KeyValuePair.Create(key, expired));
        }

        foreach (var (key, oldest) in _entries.OrderBy(pair => pair.Value.Stored).Take(Math.Max(0, _entries.Count - MaxEntries + 1)))
        {
            _entries.TryRemove(KeyValuePair.Create(key, oldest));
        }
    }

    private sealed record Entry(byte[] Value, DateTimeOffset Stored, DateTimeOffset Expires);
}
