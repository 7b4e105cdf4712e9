using System.Globalization;
using System.Text;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.ToolCalls.Audit.JsonLines;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.ToolCalls.Confirmation;

/// <summary>
/// The token ids honoured until they expire, so that one token makes one change, across restarts too: each use is
/// appended (and flushed to disk) to this replica's <see cref="FileName"/> in the audit folder before the call runs, and
/// the file is read back, without the expired ids, on first use after a start. The file is the replica's own (its
/// <see cref="AuditReplica"/> claim), so replicas sharing the folder never rewrite each other's. The single-server
/// store: other replicas do not see it, so replicas share <c>SharedState/Redis/RedisUsedConfirmationTokens</c> instead
/// (<c>AwsMcp:SharedState:Redis</c>).
/// </summary>
public sealed partial class ConfirmationReplayCache(
    TimeProvider time, IOptions<AuditOptions> audit, AuditReplica replica, ILogger<ConfirmationReplayCache> logger) : IUsedConfirmationTokens, IDisposable
{
    /// <summary>The file of the layout before replica ids, one per folder: still read (never written), so a token used before an upgrade stays used.</summary>
    public const string LegacyFileName = "used-confirmation-tokens.log";

    private readonly Dictionary<string, long> _honoured = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private FileStream? _file;
    private string? _path;

    /// <summary>The used-token log of <paramref name="replica"/>.</summary>
    public static string FileName(string replica) => $"used-confirmation-tokens.{replica}.log";

    public ValueTask<TokenUse> TryConsumeAsync(string tokenId, DateTimeOffset expires, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryConsume(tokenId, expires));

    /// <summary>Records <paramref name="tokenId"/> as used, durably, unless it was used before.</summary>
    public TokenUse TryConsume(string tokenId, DateTimeOffset expires)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        lock (_gate)
        {
            try
            {
                _file ??= Open(now);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogUnrecorded(logger, _path ?? audit.Value.FullPath, e);
                return TokenUse.Unrecorded;
            }

            foreach (var (id, expiry) in _honoured)
            {
                if (expiry <= now)
                {
                    _honoured.Remove(id);
                }
            }

            if (_honoured.ContainsKey(tokenId))
            {
                return TokenUse.Again;
            }

            try
            {
                _file.Write(Encoding.ASCII.GetBytes(Line(tokenId, expires.ToUnixTimeSeconds())));
                _file.Flush(flushToDisk: true);
            }
            catch (IOException e)
            {
                LogUnrecorded(logger, _path!, e);
                return TokenUse.Unrecorded;
            }

            _honoured[tokenId] = expires.ToUnixTimeSeconds();
            return TokenUse.First;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _file?.Dispose();
            _file = null;
        }
    }

    /// <summary>Reads the ids still live, rewrites this replica's file with only those, and opens it for appending.</summary>
    private FileStream Open(long now)
    {
        var folder = audit.Value.FullPath;
        var path = _path ??= Path.Combine(folder, FileName(replica.Claim()));
        Read(Path.Combine(folder, LegacyFileName), now);
        if (Read(path, now))
        {
            var compacted = path + ".tmp";
            File.WriteAllText(compacted, string.Concat(_honoured.Select(entry => Line(entry.Key, entry.Value))), Encoding.ASCII);
            File.Move(compacted, path, overwrite: true);
        }

        return new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
    }

    /// <summary>Adds the live ids of <paramref name="path"/>; false when there is no such file.</summary>
    private bool Read(string path, long now)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        foreach (var line in File.ReadLines(path))
        {
            // A torn last line (a crash mid-write) has no expiry and is skipped: its call never ran.
            var parts = line.Split(' ');
            if (parts.Length == 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expiry) && expiry > now)
            {
                _honoured[parts[0]] = expiry;
            }
        }

        return true;
    }

    private static string Line(string tokenId, long expires) => string.Create(CultureInfo.InvariantCulture, $"{tokenId} {expires}\n");

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record a used confirmation token in {Path}; the confirmed call was refused")]
    private static partial void LogUnrecorded(ILogger logger, string path, Exception exception);
}
