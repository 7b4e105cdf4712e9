using AwsMcp.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace AwsMcp.Generators.Tests;

public sealed class SnapshotTests
{
    /// <summary>Sources without problems, by snapshot name.</summary>
    private static readonly SortedDictionary<string, string> s_validSources = new(StringComparer.Ordinal)
    {
        ["RepresentativeTools"] = TestSources.Representative,
        ["GenericTools"] = TestSources.Generics,
        ["FeatureKinds"] = TestSources.Features,
        ["FanOutTools"] = TestSources.FanOut,
    };

    /// <summary>Every snapshot name a test in this class verifies; the stale-snapshot test checks the folder against it.</summary>
    public static IEnumerable<string> SnapshotNames =>
        DiagnosticSources.ById.Keys.Select(DiagnosticSnapshotName).Concat(s_validSources.Keys);

    public static TheoryData<string> DiagnosticIds => [.. DiagnosticSources.ById.Keys];

    public static TheoryData<string> ValidSourceNames => [.. s_validSources.Keys];

    [Theory]
    [MemberData(nameof(ValidSourceNames))]
    public void ValidTools(string name)
    {
        GeneratorResult result = GeneratorHarness.Run(s_validSources[name]);

        Assert.Empty(result.CompilationErrors);
        Assert.Empty(result.GeneratedCodeWarnings);
        Assert.Empty(result.Diagnostics);
        Snapshot.Verify(result, name);
    }

    [Theory]
    [MemberData(nameof(DiagnosticIds))]
    public void Diagnostic(string id)
    {
        // AWSMCP011 is about projects that do not parse XML docs (no GenerateDocumentationFile).
        CSharpParseOptions options = id == "AWSMCP011"
            ? GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.None)
            : GeneratorHarness.ParseOptions;
        GeneratorResult result = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(options, DiagnosticSources.ById[id]));

        Assert.Contains(result.Diagnostics, d => d.Id == id);
        Assert.DoesNotContain(result.CompilationErrors, d => !d.Id.StartsWith("AWSMCP", StringComparison.Ordinal));
        Snapshot.Verify(result, DiagnosticSnapshotName(id));
    }

    [Fact]
    public void PragmaWarningDisable_SuppressesGeneratorDiagnostics()
    {
        GeneratorResult result = GeneratorHarness.Run(DiagnosticSources.ById["AWSMCP007"]);

        // Diagnostics keep the compilation's real source locations, so #pragma warning disable applies to them.
        Assert.Contains(result.Diagnostics, d => d.Id == "AWSMCP007" && d.GetMessage().Contains("'suppressed'", StringComparison.Ordinal) && d.IsSuppressed);
        Assert.Contains(result.Diagnostics, d => d.Id == "AWSMCP007" && d.GetMessage().Contains("'undocumented'", StringComparison.Ordinal) && !d.IsSuppressed);
    }

    [Fact]
    public void NoStaleSnapshots()
    {
        var known = SnapshotNames.ToHashSet(StringComparer.Ordinal);
        string[] orphans = [.. Directory.EnumerateFiles(Snapshot.Directory, "*.verified.*")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(file => !known.Contains(file[..file.IndexOf('.', StringComparison.Ordinal)]))];

        Assert.True(orphans.Length == 0, "Snapshots that no test verifies (delete them): " + string.Join(", ", orphans));
    }

    private static string DiagnosticSnapshotName(string id) => "Diagnostic_" + id;
}
