using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AwsMcp.Generators.Bench;

/// <summary>
/// The generator on 1,000 tools: a full run on a fresh compilation (as in a clean build) and a run after an unrelated
/// edit with the driver's cached state (as in the IDE). Each iteration gets a new compilation, since Roslyn caches
/// binding per compilation.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const int Classes = 100;
    private const int ToolsPerClass = 10;

    private IReadOnlyList<SyntaxTree> _trees = [];
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warmDriver = null!;
    private CSharpCompilation _edited = null!;
    private int _edits;

    [GlobalSetup]
    public void CreateSources()
    {
        _trees = LargePlugin.Create(Classes, ToolsPerClass);
        GeneratorDriverRunResult check = NewDriver().RunGenerators(LargePlugin.Compile(_trees)).GetRunResult();
        int generated = check.Results.Single().GeneratedSources.Length;
        if (generated != (Classes * ToolsPerClass) + 1 || !check.Diagnostics.IsEmpty)
        {
            throw new InvalidOperationException($"Expected {(Classes * ToolsPerClass) + 1} files and no diagnostics, got {generated} files and {check.Diagnostics.Length} diagnostics.");
        }
    }

    [IterationSetup(Target = nameof(FullRun))]
    public void NewCompilation() => _compilation = LargePlugin.Compile(_trees);

    [Benchmark]
    public GeneratorDriver FullRun() => NewDriver().RunGenerators(_compilation);

    [IterationSetup(Target = nameof(UnrelatedEdit))]
    public void WarmDriverAndEdit()
    {
        CSharpCompilation compilation = LargePlugin.Compile(_trees);
        _warmDriver = NewDriver().RunGenerators(compilation);
        _edits++;
        _edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText($"namespace Bench; internal sealed class Unrelated{_edits} {{ }}", LargePlugin.ParseOptions, $"/src/Unrelated{_edits}.cs"));
    }

    [Benchmark]
    public GeneratorDriver UnrelatedEdit() => _warmDriver.RunGenerators(_edited);

    private static GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create([new ToolGenerator().AsSourceGenerator()], parseOptions: LargePlugin.ParseOptions);
}
