using System.Collections.Immutable;
using AwsMcp.Abstractions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AwsMcp.Generators.Tests.Infrastructure;

/// <summary>Builds in-memory compilations against net10.0 reference assemblies and runs the generator on them.</summary>
internal static class GeneratorHarness
{
    /// <summary>Parses doc comments as a project with GenerateDocumentationFile=true does.</summary>
    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default
        .WithLanguageVersion(LanguageVersion.Latest)
        .WithDocumentationMode(DocumentationMode.Parse);

    private static readonly ImmutableArray<MetadataReference> s_references =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(ToolAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location),
    ];

    public static CSharpCompilation CreateCompilation(params string[] sources) => CreateCompilation(ParseOptions, sources);

    public static CSharpCompilation CreateCompilation(CSharpParseOptions options, params string[] sources) =>
        CSharpCompilation.Create(
            "TestPlugin",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, options, path: $"/src/File{i}.cs")),
            s_references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(CSharpParseOptions? options = null) =>
        CSharpGeneratorDriver.Create(
            generators: [new ToolGenerator().AsSourceGenerator()],
            parseOptions: options ?? ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorResult Run(params string[] sources) => Run(CreateCompilation(sources));

    public static GeneratorResult Run(Compilation compilation)
    {
        GeneratorDriver driver = CreateDriver((CSharpParseOptions)compilation.SyntaxTrees.First().Options)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return new GeneratorResult(driver, output, diagnostics);
    }
}
