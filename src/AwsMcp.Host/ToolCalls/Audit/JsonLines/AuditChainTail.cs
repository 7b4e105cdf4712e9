using System.Globalization;
using System.Text;

namespace AwsMcp.Host.ToolCalls.Audit.JsonLines;

/// <summary>
/// Where a replica's chain goes on when its process starts: its latest chain in the folder, after the last whole record
/// of its last segment that has one, in a new segment (never appended to an old one, whose last line may be torn). This
/// is the verifier's tail rule read from the writer's side: a torn last line is passed over and the chain goes on from
/// the record before it. A chain is left for a new one (<c>&lt;replica&gt;.&lt;now&gt;</c>) only when its last record is under
/// another key or algorithm (the chain key was set or rotated: one chain, one key, so each verifies with one key).
/// </summary>
/// <param name="Chain">The chain's name.</param>
/// <param name="LastSegment">Its highest segment number (0 for a new chain); the writer's next segment follows it.</param>
/// <param name="Sequence">The last record's <c>seq</c> (0 when there is none yet).</param>
/// <param name="Previous">The last record's <c>hash</c>: the next record's <c>prev</c>.</param>
public sealed record AuditChainTail(string Chain, int LastSegment, long Sequence, string Previous)
{
    private const int Window = 64 * 1024;

    public static AuditChainTail Find(string folder, string replica, AuditChain chain, DateTimeOffset now)
    {
        var segments = AuditSegment.List(folder).Where(s => s.Replica == replica).ToList();
        var fresh = AuditSegment.NewChain(replica, now);
        if (segments.Count == 0)
        {
            return new AuditChainTail(fresh, 0, 0, AuditChain.Genesis);
        }

        var latest = segments[^1].Chain;
        var own = segments.Where(s => s.Chain == latest).ToList();
        for (var i = own.Count - 1; i >= 0; i--)
        {
            if (LastRecord(own[i].Path, chain) is not { } last)
            {
                continue;
            }

            if (last.OtherAlgorithm)
            {
                // Named after its start; one second on if the clock says the old chain is not older (a restart within the second).
                var next = string.CompareOrdinal(fresh, latest) > 0 ? fresh : AuditSegment.NewChain(replica, StartOf(latest, replica).AddSeconds(1));
                return new AuditChainTail(next, 0, 0, AuditChain.Genesis);
            }

            return new AuditChainTail(latest, own[^1].Sequence, last.Sequence, last.Hash);
        }

        // Segments without a whole record (created, then the process died): the chain has not started yet.
        return new AuditChainTail(latest, own[^1].Sequence, 0, AuditChain.Genesis);
    }

    /// <summary>The file's last whole record (under any key), reading back from its end in growing windows.</summary>
    private static AuditChain.LineCheck? LastRecord(string path, AuditChain chain)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var length = file.Length;
        for (long window = Window; ; window *= 4)
        {
            var start = Math.Max(0, length - window);
            var bytes = new byte[length - start];
            file.Seek(start, SeekOrigin.Begin);
            file.ReadExactly(bytes);

            // Lines from the end; a window that does not start at the file's start may begin mid-line, so its first piece is not one.
            var end = bytes.Length;
            while (true)
            {
                var newline = end == 0 ? -1 : Array.LastIndexOf(bytes, (byte)'\n', end - 1);
                if (newline < 0 && start > 0)
                {
                    break;
                }

                if (end > newline + 1 && chain.Check(Encoding.UTF8.GetString(bytes, newline + 1, end - newline - 1)) is { Algorithm.Length: > 0 } check)
                {
                    return check;
                }

                if (newline < 0)
                {
                    break;
                }

                end = newline;
            }

            if (start == 0)
            {
                return null;
            }
        }
    }

    private static DateTimeOffset StartOf(string chain, string replica) =>
        DateTimeOffset.ParseExact(chain[(replica.Length + 1)..], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
