using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Xunit.Sdk;

namespace AwsMcp.Generators.Tests.Infrastructure;

/// <summary>
/// Verify-style snapshots without Verify: each generated file is compared with
/// <c>Snapshots/{name}.{hint}.verified.cs</c> and the diagnostics with <c>Snapshots/{name}.diagnostics.verified.txt</c>.
/// On a mismatch a <c>*.received.*</c> file is written beside it and the test fails with a unified diff; a verified
/// file no longer produced fails as stale. <c>AWSMCP_ACCEPT_SNAPSHOTS=1</c> (re)writes the verified files instead.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "AWSMCP_ACCEPT_SNAPSHOTS";

    public static readonly string Directory = typeof(Snapshot).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "AwsMcp.SnapshotDirectory").Value!;

    private static bool Accept => Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true";

    public static void Verify(GeneratorResult result, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var produced = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (GeneratedSourceResult source in result.RunResult.GeneratedSources)
        {
            string hint = source.HintName.EndsWith(".cs", StringComparison.Ordinal) ? source.HintName[..^3] : source.HintName;
            produced[$"{name}.{hint}.verified.cs"] = Normalize(source.SourceText.ToString());
        }

        produced[$"{name}.diagnostics.verified.txt"] = FormatDiagnostics(result.Diagnostics);

        var failures = new StringBuilder();
        foreach ((string file, string actual) in produced)
        {
            CompareOne(file, actual, failures);
        }

        foreach (string stale in System.IO.Directory.EnumerateFiles(Directory, name + ".*.verified.*").Select(Path.GetFileName).OfType<string>())
        {
            if (produced.ContainsKey(stale))
            {
                continue;
            }

            if (Accept)
            {
                File.Delete(Path.Combine(Directory, stale));
            }
            else
            {
                failures.Append(CultureInfo.InvariantCulture, $"STALE snapshot {stale}: no longer generated\n");
            }
        }

        if (failures.Length > 0)
        {
            throw new XunitException($"Snapshot mismatch for '{name}' in {Directory}\nReview the diff; to accept run: {AcceptVariable}=1 dotnet test\n\n{failures}");
        }
    }

    /// <summary>One line per diagnostic, ordered by position: <c>ID Severity File(line,col) [suppressed]: message</c>.</summary>
    public static string FormatDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        List<string> lines = diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d =>
            {
                FileLinePositionSpan span = d.Location.GetLineSpan();
                string where = d.Location.IsInSource
                    ? $"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})"
                    : "(no location)";
                return $"{d.Id} {d.Severity} {where}{(d.IsSuppressed ? " [suppressed]" : string.Empty)}: {d.GetMessage(CultureInfo.InvariantCulture)}";
            })
            .ToList();
        return lines.Count == 0 ? "(no diagnostics)\n" : string.Join("\n", lines) + "\n";
    }

    private static void CompareOne(string file, string actual, StringBuilder failures)
    {
        string verifiedPath = Path.Combine(Directory, file);
        string receivedPath = verifiedPath.Replace(".verified.", ".received.", StringComparison.Ordinal);
        string? expected = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Accept)
        {
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        failures.Append(expected is null
            ? $"NEW snapshot {file} (no verified file yet; wrote {Path.GetFileName(receivedPath)}):\n{actual}\n"
            : $"CHANGED snapshot {file}:\n{LineDiff.Unified(expected, actual, file, Path.GetFileName(receivedPath))}\n");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
}
