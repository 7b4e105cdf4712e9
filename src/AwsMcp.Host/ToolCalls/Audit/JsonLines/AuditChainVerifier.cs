using System.Text.Json;

namespace AwsMcp.Host.ToolCalls.Audit.JsonLines;

/// <summary>
/// Checks an audit file or folder (<c>awsmcp audit verify</c>): every line's hash matches its content and names the
/// line before it, across the segments of each run. Reports the first broken line.
/// </summary>
public static class AuditChainVerifier
{
    public static AuditVerification Verify(string path)
    {
        IReadOnlyList<AuditSegment> segments = Directory.Exists(path) ? AuditSegment.List(path)
            : File.Exists(path) ? [AuditSegment.From(path)]
            : throw new FileNotFoundException($"No audit file or folder at '{path}'.", path);

        var records = 0;
        foreach (var run in segments.GroupBy(s => s.Run))
        {
            // A run's first segment starts from the genesis hash; if it is gone (or a single later segment is
            // checked), the first line present is taken as the start.
            string? expected = run.First().Sequence == 1 ? AuditChain.Genesis : null;
            foreach (var segment in run)
            {
                var number = 0;
                foreach (var line in File.ReadLines(segment.Path))
                {
                    number++;
                    if (Check(line, ref expected) is { } problem)
                    {
                        return new AuditVerification(records, segments.Count, $"{segment.Path}:{number}: {problem}");
                    }

                    records++;
                }
            }
        }

        return new AuditVerification(records, segments.Count, null);
    }

    private static string? Check(string line, ref string? expected)
    {
        string? previous, stated, actual;
        try
        {
            (previous, stated, actual) = AuditChain.Inspect(line);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return $"not an audit record ({ex.Message})";
        }

        if (stated != actual)
        {
            return "the record does not match its hash: it was edited";
        }

        if (expected is not null && previous != expected)
        {
            return "the record does not follow the previous one: a record was removed, inserted or reordered";
        }

        expected = stated;
        return null;
    }
}
