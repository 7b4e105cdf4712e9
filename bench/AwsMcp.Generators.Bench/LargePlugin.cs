using System.Text;
using AwsMcp.Abstractions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AwsMcp.Generators.Bench;

/// <summary>An in-memory plugin with many realistic tools (one tool class per file), as the benchmark's input.</summary>
internal static class LargePlugin
{
    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default
        .WithLanguageVersion(LanguageVersion.Latest)
        .WithDocumentationMode(DocumentationMode.Parse);

    private const string Shared = """
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        namespace Bench;

        /// <summary>Sort order.</summary>
        public enum Mode { Fast, Slow, Auto }

        /// <summary>An item.</summary>
        /// <param name="Name">Its name.</param>
        /// <param name="Count">How many.</param>
        /// <param name="Mode">How.</param>
        public sealed record Item(string Name, [property: Range(0, 1000)] int Count, Mode Mode = Mode.Auto);

        /// <summary>A result page.</summary>
        /// <param name="Items">The items.</param>
        /// <param name="NextToken">The next page.</param>
        public sealed record Page(IReadOnlyList<Item> Items, string? NextToken);
        """;

    public static IReadOnlyList<SyntaxTree> Create(int classes, int toolsPerClass)
    {
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(Shared, ParseOptions, "/src/Shared.cs") };
        for (int c = 0; c < classes; c++)
        {
            var source = new StringBuilder($$"""
                using System.Collections.Generic;
                using System.ComponentModel.DataAnnotations;
                using System.Threading;
                using System.Threading.Tasks;
                using AwsMcp.Abstractions;
                namespace Bench;

                public sealed class Tools{{c}}
                {

                """);
            for (int m = 0; m < toolsPerClass; m++)
            {
                source.Append($$"""
                        /// <summary>Tool {{c}}.{{m}} finds items.</summary>
                        /// <param name="query">What to look for.</param>
                        /// <param name="limit">Maximum results.</param>
                        /// <param name="mode">Search mode.</param>
                        /// <param name="items">Seed items.</param>
                        /// <param name="score">Minimum score.</param>
                        [Tool(ReadOnly = true)]
                        public Task<Page> Find{{c}}x{{m}}Async([StringLength(100)] string query, [Range(1, 50)] int limit = 10, Mode mode = Mode.Fast,
                            List<Item>? items = null, double? score = null, CancellationToken cancellationToken = default)
                            => Task.FromResult(new Page(items ?? new List<Item>(), null));

                    """);
            }

            source.Append("}\n");
            trees.Add(CSharpSyntaxTree.ParseText(source.ToString(), ParseOptions, $"/src/Tools{c}.cs"));
        }

        return trees;
    }

    public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create(
            "BenchPlugin",
            trees,
            [
                .. Basic.Reference.Assemblies.Net100.References.All,
                MetadataReference.CreateFromFile(typeof(ToolAttribute).Assembly.Location),
            ],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
}
