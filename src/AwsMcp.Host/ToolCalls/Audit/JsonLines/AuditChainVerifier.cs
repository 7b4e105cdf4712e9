using System.Text;
using System.Text.RegularExpressions;

namespace AwsMcp.Host.ToolCalls.Audit.JsonLines;

/// <summary>
/// Checks an audit file or folder (<c>awsmcp audit verify</c>): in every run, every line's hash matches its content
/// (under the chain key, when the chain is keyed) and names the line before it, and the sequence numbers run from 1
/// without a gap through its segments, so an edited, inserted, reordered or removed line, and a removed segment
/// (the first one included), are found. A line cut short at the end of a segment is a torn write (the process died or
/// the disk failed while writing): reported, not counted as tampering; the chain goes on from the line before it.
/// </summary>
public static partial class AuditChainVerifier
{
    public static AuditVerification Verify(string path, byte[]? key = null, string? keyId = null)
    {
        IReadOnlyList<AuditSegment> segments = Directory.Exists(path) ? AuditSegment.List(path)
            : File.Exists(path) ? [AuditSegment.From(path)]
            : throw new FileNotFoundException($"No audit file or folder at '{path}'.", path);

        var chain = new AuditChain(key, keyId);
        var state = new State();
        var singleFile = File.Exists(path);
        foreach (var run in segments.GroupBy(s => s.Run))
        {
            // A run starts at sequence 1 from the genesis hash; a single later segment checked alone starts where it starts.
            state.ExpectedSequence = singleFile && run.First().Sequence != 1 ? null : 1;
            state.ExpectedPrevious = state.ExpectedSequence is null ? null : AuditChain.Genesis;
            if (!singleFile && run.First().Sequence != 1)
            {
                return state.Broken($"{run.First().Path}: the run's first segment(s) are missing (it starts at segment {run.First().Sequence})", segments.Count);
            }

            AuditSegment? previousSegment = null;
            foreach (var segment in run)
            {
                if (previousSegment is not null && segment.Sequence != previousSegment.Sequence + 1)
                {
                    return state.Broken($"{segment.Path}: segment {previousSegment.Sequence + 1} of the run is missing", segments.Count);
                }

                if (CheckSegment(segment, chain, state) is { } problem)
                {
                    return state.Broken(problem, segments.Count);
                }

                previousSegment = segment;
            }
        }

        return new AuditVerification(state.Records, segments.Count, null, state.Torn, [.. state.OpenIntents.Keys]);
    }

    private static string? CheckSegment(AuditSegment segment, AuditChain chain, State state)
    {
        var text = File.ReadAllText(segment.Path, Encoding.UTF8);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var last = i == lines.Length - 1;
            if (last && line.Length == 0)
            {
                break; // the file ends with a newline, as every complete line does
            }

            var where = $"{segment.Path}:{i + 1}";
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
            TrackIntent(line, state);
        }

        return null;
    }

    private static void TrackIntent(string line, State state)
    {
        if (Kind().Match(line) is { Success: true } match)
        {
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
    }

    [GeneratedRegex("^\\{\"kind\":\"(?<kind>intent|outcome|call)\",\"time\":\"[^\"]*\",\"correlationId\":\"(?<id>[^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex Kind();

    private sealed class State
    {
        public int Records { get; set; }

        public long? ExpectedSequence { get; set; }

        public string? ExpectedPrevious { get; set; }

        public List<string> Torn { get; } = [];

        public Dictionary<string, bool> OpenIntents { get; } = new(StringComparer.Ordinal);

        public AuditVerification Broken(string problem, int files) => new(Records, files, problem, Torn, [.. OpenIntents.Keys]);
    }
}
