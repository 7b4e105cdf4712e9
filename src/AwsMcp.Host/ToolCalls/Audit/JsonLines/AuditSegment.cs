using System.Globalization;
using System.Text.RegularExpressions;

namespace AwsMcp.Host.ToolCalls.Audit.JsonLines;

/// <summary>
/// One file of an audit chain. Each replica writes one chain, <c>&lt;replica&gt;.&lt;yyyyMMddTHHmmssZ&gt;</c> (when it
/// started), continued across rotations and restarts, in segments <c>&lt;chain&gt;.&lt;000001&gt;.jsonl</c> of the audit
/// folder; so replicas sharing a folder never write into each other's files. Shipped to S3, a segment becomes pieces
/// <c>&lt;replica&gt;/&lt;chain&gt;/&lt;segment&gt;-&lt;offset&gt;.jsonl</c>, and a set synced down from S3 has that layout:
/// <see cref="ListAll"/> reads both. Chains from before replica ids (<c>&lt;yyyyMMddTHHmmssZ&gt;-&lt;random&gt;</c>, one per
/// process run, lines without <c>replica</c>) are still read, shipped (under <c>&lt;run&gt;/</c>) and verified.
/// </summary>
/// <param name="Path">The file.</param>
/// <param name="Chain">The chain it belongs to (its name); for a file named otherwise, the file's name.</param>
/// <param name="Replica">The replica that writes the chain; null for a chain from before replica ids, or a file named otherwise.</param>
/// <param name="Sequence">The segment's number in its chain, from 1; 0 for a file named otherwise.</param>
/// <param name="Offset">Where in its segment the file starts: 0 for a segment, the shipped offset for a piece from S3.</param>
public sealed partial record AuditSegment(string Path, string Chain, string? Replica, int Sequence, long Offset = 0)
{
    public const string Extension = ".jsonl";

    // <replica>.<start> (the replica id lower-cased, as AuditOptions.ReplicaIdSource.Id makes it), or a run from before replica ids.
    private const string Chains = @"(?<chain>(?<replica>[a-z0-9](?:[a-z0-9._-]{0,126}[a-z0-9])?)\.\d{8}T\d{6}Z|\d{8}T\d{6}Z-[0-9a-f]{6})";

    /// <summary>The name of a new chain of <paramref name="replica"/> started at <paramref name="start"/>.</summary>
    public static string NewChain(string replica, DateTimeOffset start) =>
        $"{replica}.{start.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";

    public static string FileName(string chain, int sequence) => $"{chain}.{Number(sequence)}{Extension}";

    /// <summary>The segment named by <paramref name="path"/> or, in a folder named by its chain, the shipped piece; else a chain of its own with sequence 0.</summary>
    public static AuditSegment From(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        if (SegmentName().Match(name) is { Success: true } segment)
        {
            return new AuditSegment(path, segment.Groups["chain"].Value, ReplicaOf(segment), Parse(segment.Groups["sequence"].Value));
        }

        var folder = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(path)) ?? string.Empty;
        if (PieceName().Match(name) is { Success: true } piece && ChainName().Match(folder) is { Success: true } chain)
        {
            return new AuditSegment(
                path, folder, ReplicaOf(chain), Parse(piece.Groups["sequence"].Value), long.Parse(piece.Groups["offset"].Value, CultureInfo.InvariantCulture));
        }

        return new AuditSegment(path, name, null, 0);
    }

    /// <summary>The segments at the top of <paramref name="folder"/> (what a host writes and ships), by chain, each chain in sequence order.</summary>
    public static IReadOnlyList<AuditSegment> List(string folder) => Find(folder, SearchOption.TopDirectoryOnly);

    /// <summary>Every segment and shipped piece in and below <paramref name="folder"/> (what <c>audit verify</c> checks).</summary>
    public static IReadOnlyList<AuditSegment> ListAll(string folder) => Find(folder, SearchOption.AllDirectories);

    /// <summary>
    /// The key of this segment's piece that starts at <paramref name="offset"/>, below the S3 prefix: under the
    /// replica's own prefix, so that each replica's objects can be listed, synced and verified on their own.
    /// </summary>
    public string ShippedName(long offset)
    {
        var piece = $"{Number(Sequence)}-{offset.ToString("D12", CultureInfo.InvariantCulture)}{Extension}";
        return Replica is null ? $"{Chain}/{piece}" : $"{Replica}/{Chain}/{piece}";
    }

    private static IReadOnlyList<AuditSegment> Find(string folder, SearchOption depth) =>
        !Directory.Exists(folder)
            ? []
            : [.. Directory.EnumerateFiles(folder, "*" + Extension, depth).Select(From).Where(s => s.Sequence > 0)
                .OrderBy(s => s.Chain, StringComparer.Ordinal).ThenBy(s => System.IO.Path.GetDirectoryName(s.Path), StringComparer.Ordinal)
                .ThenBy(s => s.Sequence).ThenBy(s => s.Offset)];

    private static string? ReplicaOf(Match match) => match.Groups["replica"] is { Success: true } replica ? replica.Value : null;

    private static int Parse(string number) => int.Parse(number, CultureInfo.InvariantCulture);

    private static string Number(int sequence) => sequence.ToString("D6", CultureInfo.InvariantCulture);

    [GeneratedRegex("^" + Chains + @"\.(?<sequence>\d{6,9})\.jsonl$", RegexOptions.CultureInvariant)]
    private static partial Regex SegmentName();

    [GeneratedRegex("^" + Chains + "$", RegexOptions.CultureInvariant)]
    private static partial Regex ChainName();

    [GeneratedRegex(@"^(?<sequence>\d{6,9})-(?<offset>\d{12,18})\.jsonl$", RegexOptions.CultureInvariant)]
    private static partial Regex PieceName();
}
