using System.Collections.Concurrent;
using AwsMcp.Aws.Configuration;

namespace AwsMcp.Aws.Accounts;

/// <summary>
/// Assumed-role sessions per (account, caller), reused until five minutes before they expire. One AssumeRole runs per
/// key at a time: concurrent callers of the same key wait for it rather than each calling STS.
/// </summary>
public sealed class AssumedRoleCredentialCache
{
    /// <summary>How long before expiry a session is replaced (the SDK refreshes its own temporary credentials similarly).</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly IRoleAssumer _assumer;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<(string Account, string Caller), Entry> _entries = new();

    public AssumedRoleCredentialCache(IRoleAssumer assumer, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(assumer);
        _assumer = assumer;
        _time = time ?? TimeProvider.System;
    }

    public async Task<AssumedRoleSession> GetAsync(AwsAccountOptions account, string callerId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(callerId);
        var entry = _entries.GetOrAdd((account.Name.ToUpperInvariant(), callerId), _ => new Entry());
        if (IsFresh(entry.Session) is { } cached)
        {
            return cached;
        }

        await entry.Gate.WaitAsync(ct);
        try
        {
            if (IsFresh(entry.Session) is { } refreshedMeanwhile)
            {
                return refreshedMeanwhile;
            }

            var session = await _assumer.AssumeRoleAsync(account, callerId, ct);
            entry.Session = session;
            return session;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private AssumedRoleSession? IsFresh(AssumedRoleSession? session) =>
        session is not null && session.Expiration - RefreshMargin > _time.GetUtcNow() ? session : null;

    private sealed class Entry
    {
        private volatile AssumedRoleSession? _session;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public AssumedRoleSession? Session
        {
            get => _session;
            set => _session = value;
        }
    }
}
