using System.Text;
using AwsMcp.Abstractions;
using AwsMcp.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.Logging;

namespace AwsMcp.Bench.Harness;

/// <summary>
/// Many real tool packs for the load benchmark: each is C# source with <c>[Tool]</c> methods, run through the real
/// AwsMcp generator and compiled to <c>&lt;folder&gt;/&lt;Name&gt;/&lt;Name&gt;.dll</c>, exactly what the host loads from a
/// built plugin. Tool names carry the pack number, since the host refuses two tools with one name.
/// </summary>
internal static class GeneratedPluginSet
{
    private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default
        .WithLanguageVersion(LanguageVersion.Latest)
        .WithDocumentationMode(DocumentationMode.Parse);

    private static readonly MetadataReference[] References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(ToolAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(ILogger).Assembly.Location),
    ];

    public static void Write(string pluginsFolder, int plugins, int toolsPerPlugin)
    {
        if (Directory.Exists(pluginsFolder))
        {
            Directory.Delete(pluginsFolder, recursive: true);
        }

        for (var pack = 1; pack <= plugins; pack++)
        {
            var name = $"BenchPack{pack:00}";
            var folder = Path.Combine(pluginsFolder, name);
            Directory.CreateDirectory(folder);
            Compile(name, Source(pack, toolsPerPlugin), Path.Combine(folder, name + ".dll"));
        }
    }

    private static void Compile(string assemblyName, string source, string dllPath)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, ParseOptions, $"/src/{assemblyName}.cs")],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create([new ToolGenerator().AsSourceGenerator()], parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        var emitted = generated.Emit(dllPath);
        var problems = generatorDiagnostics.Concat(emitted.Diagnostics).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (!emitted.Success || problems.Count > 0)
        {
            throw new InvalidOperationException($"{assemblyName} did not compile cleanly:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }
    }

    private static string Source(int pack, int tools)
    {
        var source = new StringBuilder($$"""
            using System.Threading.Tasks;
            using AwsMcp.Abstractions;

            namespace BenchPack{{pack:00}};

            /// <summary>A thing the tools list.</summary>
            /// <param name="Id">Its id.</param>
            /// <param name="Name">Its name.</param>
            public sealed record Thing(string Id, string Name);

            public sealed class ThingTools
            {

            """);
        for (var tool = 1; tool <= tools; tool++)
        {
            source.Append($$"""
                    /// <summary>Lists things of kind {{pack}}.{{tool}}. Use to see what exists before acting on it.</summary>
                    /// <param name="prefix">Only things whose name starts with this.</param>
                    /// <param name="maxResults">At most this many things.</param>
                    /// <param name="region">The region; the server default when absent.</param>
                    [Tool("p{{pack:00}}_list_things_{{tool:00}}", ReadOnly = true)]
                    public static Task<Thing[]> ListThings{{tool:00}}Async(string prefix, int maxResults = 10, string? region = null) =>
                        Task.FromResult(new[] { new Thing($"{{pack}}-{{tool}}", prefix + (region ?? "default")) });

                """);
        }

        return source.Append("}\n").ToString();
    }
}
