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
/// Turns every <c>[Tool]</c>, <c>[Prompt]</c>, <c>[Resource]</c>, <c>[ResourceTemplate]</c> and <c>[Completion]</c>
/// method into a compile-time descriptor (JSON Schemas plus a reflection-free binder and invoker) and emits one
/// <c>IToolPack</c> per assembly that creates them all.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ToolGenerator : IIncrementalGenerator
{
    public const string ToolAttributeMetadataName = "AwsMcp.Abstractions.ToolAttribute";
    public const string PromptAttributeMetadataName = "AwsMcp.Abstractions.PromptAttribute";
    public const string ResourceAttributeMetadataName = "AwsMcp.Abstractions.ResourceAttribute";
    public const string ResourceTemplateAttributeMetadataName = "AwsMcp.Abstractions.ResourceTemplateAttribute";
    public const string CompletionAttributeMetadataName = "AwsMcp.Abstractions.CompletionAttribute";

    private static readonly (string AttributeMetadataName, ToolKind Kind)[] s_otherKinds =
    [
        (PromptAttributeMetadataName, ToolKind.Prompt),
        (ResourceAttributeMetadataName, ToolKind.Resource),
        (ResourceTemplateAttributeMetadataName, ToolKind.ResourceTemplate),
        (CompletionAttributeMetadataName, ToolKind.Completion),
    ];

    // AwsMcp.Abstractions.CompletionSources: the host answers these itself.
    private static readonly string[] s_hostCompletionSources = ["regions", "accounts"];

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // One pipeline per attribute (ForAttributeWithMetadataName is keyed by one name), all parsed by the same
        // parser, then one stream: every kind becomes a descriptor the same way. The semantic transforms return values
        // only (plus raw diagnostics in a side channel, see ParseResult).
        IncrementalValueProvider<ImmutableArray<ParseResult>> all = Parse(context, ToolAttributeMetadataName, ToolKind.Tool).Collect();
        foreach ((string attributeMetadataName, ToolKind kind) in s_otherKinds)
        {
            all = all.Combine(Parse(context, attributeMetadataName, kind).Collect()).Select(static (pair, _) => pair.Left.AddRange(pair.Right));
        }

        all = all.WithTrackingName(TrackingNames.Diagnostics);

        // Back to one value per method: the driver compares each with the previous run's, so the steps below see
        // only the methods that changed.
        IncrementalValuesProvider<ParseResult> parsed = all
            .SelectMany(static (results, _) => results)
            .WithTrackingName(TrackingNames.Merge);

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
        context.RegisterSourceOutput(all, static (production, results) => ReportDiagnostics(production, results));
    }

    private static IncrementalValuesProvider<ParseResult> Parse(IncrementalGeneratorInitializationContext context, string attributeMetadataName, ToolKind kind) =>
        context.SyntaxProvider
            .ForAttributeWithMetadataName(
                attributeMetadataName,
                predicate: static (node, _) => node is MethodDeclarationSyntax,
                transform: (syntaxContext, cancellationToken) => ToolParser.Parse(syntaxContext, kind, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

    private static void ReportDiagnostics(SourceProductionContext context, ImmutableArray<ParseResult> results)
    {
        foreach (ParseResult result in results)
        {
            foreach (Diagnostic diagnostic in result.Diagnostics)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        // Tools, prompts, resources, templates and completion sources share one namespace per assembly. The first
        // declaration (by file, then position) keeps the name; later ones are reported.
        var firstByName = new Dictionary<string, ParseResult>(StringComparer.Ordinal);
        foreach (ParseResult result in results
                     .Where(static r => r.ToolName is not null)
                     .OrderBy(static r => r.NameLocation.SourceTree?.FilePath ?? string.Empty, StringComparer.Ordinal)
                     .ThenBy(static r => r.NameLocation.SourceSpan.Start))
        {
            if (firstByName.TryGetValue(result.ToolName!, out ParseResult? first))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateToolName, result.NameLocation, result.ToolName, first.MethodDisplay));
            }
            else
            {
                firstByName.Add(result.ToolName!, result);
            }
        }

        // A [Complete] source is the host's or a provider of this assembly (even one with errors of its own, which
        // are reported already).
        var sources = new HashSet<string>(s_hostCompletionSources, StringComparer.Ordinal);
        sources.UnionWith(results.Where(static r => r.Kind == ToolKind.Completion && r.ToolName is not null).Select(static r => r.ToolName!));
        foreach (CompletionReference reference in results.SelectMany(static r => r.Completions).Where(c => !sources.Contains(c.Source)))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnknownCompletionSource, reference.Location, reference.Parameter, reference.MethodDisplay, reference.Source));
        }
    }
}
