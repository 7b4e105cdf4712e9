using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AwsMcp.Host.ToolCalls.Audit.JsonLines;

/// <summary>
/// Checks an audit file or a folder of chains (<c>awsmcp audit verify</c>): a local audit folder, shared by any number
/// of replicas, or a set synced down from S3 (<see cref="AuditSegment"/>). Every chain is checked on its own, to its
/// end, whatever another chain holds: every line's hash matches its content (under the chain key, when the chain is
/// keyed), names the line before it and the chain's replica, and the sequence numbers run from 1 without a gap through
/// its segments (and a shipped segment's pieces through its bytes), so an edited, inserted, reordered, moved or removed
/// line, and a removed segment or object (the first one included), are found. A line cut short at the end of a
/// segment is a torn write (the process died or the disk failed while writing): reported, not counted as tampering;
/// the chain goes on from the line before it.
/// </summary>
public static partial class AuditChainVerifier
{
    /// <param name="replica">Check only this replica's chains, or the one chain of this name (null: all).</param>
    public static AuditVerification Verify(string path, byte[]? key = null, string? keyId = null, string? replica = null)
    {
        var singleFile = File.Exists(path);
        IReadOnlyList<AuditSegment> files = Directory.Exists(path) ? AuditSegment.ListAll(path)
            : singleFile ? [AuditSegment.From(path)]
            : throw new FileNotFoundException($"No audit file or folder at '{path}'.", path);

        var chain = new AuditChain(key, keyId);

        // A chain is its files in one folder: the audit folder's segments, or the pieces under <replica>/<chain>/ from S3
        // (both, when a synced set sits inside the folder: each copy is checked).
        return new AuditVerification([
            .. files.GroupBy(f => (Folder: Path.GetDirectoryName(f.Path), f.Chain))
                .Where(group => replica is null || string.Equals(group.First().Replica, replica, StringComparison.OrdinalIgnoreCase) || group.Key.Chain == replica)
                .Select(group => VerifyChain([.. group], chain, singleFile))
                .OrderBy(report => report.Replica ?? report.Chain, StringComparer.Ordinal)
                .ThenBy(report => report.Chain, StringComparer.Ordinal),
        ]);
    }

    private static AuditChainReport VerifyChain(IReadOnlyList<AuditSegment> files, AuditChain chain, bool singleFile)
    {
        var first = files[0];

        // A chain starts at sequence 1 from the genesis hash; a later segment or piece checked alone starts where it starts.
        var fromStart = !singleFile || (first.Sequence == 1 && first.Offset == 0);
        var state = new State(first.Chain, first.Replica, files.Count)
        {
            ExpectedSequence = fromStart ? 1 : null,
            ExpectedPrevious = fromStart ? AuditChain.Genesis : null,
            ReplicaKnown = first.Sequence > 0,
        };
        if (!singleFile && first.Sequence != 1)
        {
            return state.Report($"{first.Path}: the chain's first segment(s) are missing (it starts at segment {first.Sequence})");
        }

        var previousSegment = 0;
        foreach (var segment in files.GroupBy(f => f.Sequence))
        {
            if (!singleFile && segment.Key != previousSegment + 1)
            {
                return state.Report($"{segment.First().Path}: segment {previousSegment + 1} of the chain is missing");
            }

            var offset = 0L;
            foreach (var piece in segment)
            {
                if (!singleFile && piece.Offset != offset)
                {
                    // Pieces from S3 follow each other byte for byte: the shipper cuts a segment only after whole lines.
                    return state.Report($"{piece.Path}: segment {segment.Key} goes on at byte {offset}, but this piece starts at byte {piece.Offset}: " +
                        (piece.Offset > offset ? "a shipped object is missing" : "it overlaps the one before it"));
                }

                offset += new FileInfo(piece.Path).Length;
                if (CheckLines(piece.Path, File.ReadAllText(piece.Path, Encoding.UTF8), chain, state) is { } problem)
                {
                    return state.Report(problem);
                }
            }

            previousSegment = segment.Key;
        }

        return state.Report(null);
    }

    private static string? CheckLines(string path, string text, AuditChain chain, State state)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var last = i == lines.Length - 1;
            if (last && line.Length == 0)
            {
                break; // the file ends with a newline, as every complete line does
            }

            var where = $"{path}:{i + 1}";
            var check = chain.Check(line);
            if (last && !(check.Problem is null && check.HashMatches && check.Previous == (state.ExpectedPrevious ?? check.Previous)))
            {
                // No newline after it and not a whole record: a write that never completed.
                state.Torn.Add($"{where}: an incomplete last line (a write that did not complete; not counted)");
                break;
            }

            if (check.Problem is { } problem)
            {
                return $"{where}: {problem}";
            }

            if (!check.HashMatches)
            {
                return $"{where}: the record does not match its hash: it was edited";
            }

            if (!state.ReplicaKnown)
            {
                // A file named otherwise (a copy, a concatenation) belongs to the replica its first line names.
                state.Replica = check.Replica;
                state.ReplicaKnown = true;
            }

            if (check.Replica != state.Replica)
            {
                return $"{where}: the record belongs to {Describe(check.Replica)}, not to {Describe(state.Replica)}: it was moved from another chain";
            }

            if (state.ExpectedPrevious is not null && check.Previous != state.ExpectedPrevious)
            {
                return $"{where}: the record does not follow the previous one: a record was removed, inserted or reordered";
            }

            if (state.ExpectedSequence is { } expected && check.Sequence != expected)
            {
                return $"{where}: record {check.Sequence} follows record {expected - 1}: {(check.Sequence > expected ? "records are missing" : "a record is repeated")}";
            }

            state.ExpectedPrevious = check.Hash;
            state.ExpectedSequence = check.Sequence + 1;
            state.Records++;
            Track(line, state);
        }

        return null;
    }

    private static string Describe(string? replica) => replica is null ? "no replica" : $"replica '{replica}'";

    private static void Track(string line, State state)
    {
        if (Head().Match(line) is not { Success: true } match)
        {
            return;
        }

        if (DateTimeOffset.TryParse(match.Groups["time"].ValueSpan, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            // Records are chained as they become durable, not as their calls started: the span is the earliest to the latest.
            state.First = state.First is { } first && first <= time ? first : time;
            state.Last = state.Last is { } last && last >= time ? last : time;
        }

        var id = match.Groups["id"].Value;
        if (match.Groups["kind"].Value == "intent")
        {
            state.OpenIntents[id] = true;
        }
        else
        {
            state.OpenIntents.Remove(id);
        }
    }

    [GeneratedRegex("^\\{\"kind\":\"(?<kind>intent|outcome|call)\",\"time\":\"(?<time>[^\"]*)\",\"correlationId\":\"(?<id>[^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex Head();

    private sealed class State(string chain, string? replica, int files)
    {
        public string? Replica { get; set; } = replica;

        public bool ReplicaKnown { get; set; }

        public int Records { get; set; }

        public long? ExpectedSequence { get; set; }

        public string? ExpectedPrevious { get; set; }

        public DateTimeOffset? First { get; set; }

        public DateTimeOffset? Last { get; set; }

        public List<string> Torn { get; } = [];

        public Dictionary<string, bool> OpenIntents { get; } = new(StringComparer.Ordinal);

        public AuditChainReport Report(string? problem) =>
            new(chain, Replica, Records, files, First, Last, problem, Torn, [.. OpenIntents.Keys]);
    }
}
