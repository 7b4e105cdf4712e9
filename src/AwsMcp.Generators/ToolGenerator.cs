using System.Collections.Immutable;
using System.Text;
using AwsMcp.Generators.Emitting;
using AwsMcp.Generators.Model;
using AwsMcp.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace AwsMcp.Generators;

/// <summary>
/// Turns every <c>[Tool]</c> method into a compile-time tool descriptor (JSON Schemas plus a reflection-free invoker)
/// and emits one <c>IToolPack</c> per assembly.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ToolGenerator : IIncrementalGenerator
{
    public const string ToolAttributeMetadataName = "AwsMcp.Abstractions.ToolAttribute";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // The semantic transform returns values only (plus raw diagnostics in a side channel, see ParseResult).
        IncrementalValuesProvider<ParseResult> parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ToolAttributeMetadataName,
                predicate: static (node, _) => node is MethodDeclarationSyntax,
                transform: static (syntaxContext, cancellationToken) => ToolParser.Parse(syntaxContext, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        // One file per tool from the pure model: Select dedups by equality, so an edit that does not change a
        // tool's model never re-runs its emitter.
        IncrementalValuesProvider<ToolSpec> specs = parsed
            .Where(static result => result.Spec is not null)
            .Select(static (result, _) => result.Spec!)
            .WithTrackingName(TrackingNames.Spec);
        context.RegisterSourceOutput(specs, static (production, spec) =>
            production.AddSource(spec.ClassName + ".g.cs", SourceText.From(ToolEmitter.Emit(spec), Encoding.UTF8)));

        // The readers and writers of enum and object types, once per assembly: a tool's file calls them by names that
        // depend on the type alone, so it needs no knowledge of the other tools.
        IncrementalValueProvider<JsonHelperSet> helpers = specs
            .Select(static (spec, _) => JsonHelpers.Of(spec))
            .Collect()
            .Select(static (sets, _) => JsonHelpers.Merge(sets))
            .WithTrackingName(TrackingNames.JsonHelpers);
        context.RegisterSourceOutput(helpers, static (production, set) =>
        {
            if (!set.IsEmpty)
            {
                production.AddSource(JsonHelperEmitter.HintName, SourceText.From(JsonHelperEmitter.Emit(set), Encoding.UTF8));
            }
        });

        // The registration sees only (name, class, holder) per tool, so it re-runs only when the set of tools changes.
        IncrementalValueProvider<EquatableArray<RegistrationEntry>> entries = specs
            .Select(static (spec, _) => new RegistrationEntry(spec.ToolName, spec.ClassName, spec.HolderTypeName, spec.Holder))
            .Collect()
            .Select(static (items, _) => items.OrderBy(static e => e.ClassName, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.Registration);
        IncrementalValueProvider<string> assemblyName = context.CompilationProvider
            .Select(static (compilation, _) => compilation.AssemblyName ?? "Plugin")
            .WithTrackingName(TrackingNames.AssemblyName);
        context.RegisterSourceOutput(entries.Combine(assemblyName), static (production, pair) =>
        {
            if (!pair.Left.IsEmpty)
            {
                production.AddSource(RegistrationEmitter.HintName, SourceText.From(RegistrationEmitter.Emit(pair.Left, pair.Right), Encoding.UTF8));
            }
        });

        // Diagnostics keep the real source locations of this compilation, so #pragma warning disable applies.
        IncrementalValueProvider<ImmutableArray<ParseResult>> all = parsed.Collect().WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(all, static (production, results) => ReportDiagnostics(production, results));
    }

    private static void ReportDiagnostics(SourceProductionContext context, ImmutableArray<ParseResult> results)
    {
        foreach (ParseResult result in results)
        {
            foreach (Diagnostic diagnostic in result.Diagnostics)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        // The first declaration (by file, then position) keeps the name; later ones are reported.
        var firstByName = new Dictionary<string, ParseResult>(StringComparer.Ordinal);
        foreach (ParseResult result in results
                     .OrderBy(static r => r.NameLocation.SourceTree?.FilePath ?? string.Empty, StringComparer.Ordinal)
                     .ThenBy(static r => r.NameLocation.SourceSpan.Start))
        {
            if (firstByName.TryGetValue(result.ToolName, out ParseResult? first))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateToolName, result.NameLocation, result.ToolName, first.MethodDisplay));
            }
            else
            {
                firstByName.Add(result.ToolName, result);
            }
        }
    }
}
