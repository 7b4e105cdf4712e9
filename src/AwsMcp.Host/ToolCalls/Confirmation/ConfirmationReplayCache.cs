using System.Collections.Concurrent;

namespace AwsMcp.Host.ToolCalls.Confirmation;

/// <summary>
/// The token ids this process has honoured, until they expire, so that one token makes one change here. Per
/// process: another replica does not see them, so strict once-only across replicas needs a shared store (or the
/// audit sink) consulted here; see docs/security.md.
/// </summary>
public sealed class ConfirmationReplayCache(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _honoured = new(StringComparer.Ordinal);

    /// <summary>Marks <paramref name="tokenId"/> as used; false when it was used before.</summary>
    public bool TryConsume(string tokenId, DateTimeOffset expires)
    {
        var now = time.GetUtcNow();
        foreach (var (id, expiry) in _honoured)
        {
            if (expiry < now)
            {
                _honoured.TryRemove(id, out _);
            }
        }

        return _honoured.TryAdd(tokenId, expires);
    }
}
