using System.Globalization;
using System.Text.RegularExpressions;

namespace AwsMcp.Host.ToolCalls.Audit.JsonLines;

/// <summary>
/// One file of the audit folder: <c>&lt;run&gt;.&lt;sequence&gt;.jsonl</c>. Every process run starts its own chain
/// (<c>20261125T093000Z-a1b2c3</c>), so replicas or commands sharing a folder never interleave lines; a run's
/// chain continues from one segment to the next when a segment is rotated.
/// </summary>
public sealed partial record AuditSegment(string Path, string Run, int Sequence)
{
    public const string Extension = ".jsonl";

    public static string NewRun(DateTimeOffset now) =>
        $"{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..3])}";

    public static string FileName(string run, int sequence) => $"{run}.{sequence.ToString("D6", CultureInfo.InvariantCulture)}{Extension}";

    /// <summary>The segment named by <paramref name="path"/>; a file named otherwise is a run of its own with sequence 0 (unknown).</summary>
    public static AuditSegment From(string path) =>
        Name().Match(System.IO.Path.GetFileName(path)) is { Success: true } match
            ? new AuditSegment(path, match.Groups["run"].Value, int.Parse(match.Groups["sequence"].Value, CultureInfo.InvariantCulture))
            : new AuditSegment(path, System.IO.Path.GetFileName(path), 0);

    /// <summary>The segments of <paramref name="folder"/>, oldest run first, each run in sequence order.</summary>
    public static IReadOnlyList<AuditSegment> List(string folder) =>
        !Directory.Exists(folder)
            ? []
            : [.. Directory.EnumerateFiles(folder, "*" + Extension).Select(From).Where(s => s.Sequence > 0)
                .OrderBy(s => s.Run, StringComparer.Ordinal).ThenBy(s => s.Sequence)];

    [GeneratedRegex(@"^(?<run>\d{8}T\d{6}Z-[0-9a-f]{6})\.(?<sequence>\d{6})\.jsonl$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
