using AwsMcp.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AwsMcp.Generators.Parsing;

/// <summary>
/// The types the generator gives a meaning to, resolved in one compilation and compared as symbols (as System.Text.Json's
/// <c>KnownTypeSymbols</c>), so a user type that only shares a full name is not taken for one of them. Each is looked
/// up on first use: the parser of one tool needs a few, and the compilation caches its own look-ups.
/// Lives only inside the parse transform; the model keeps none of these symbols.
/// </summary>
internal sealed class KnownTypeSymbols(Compilation compilation)
{
    private const string AbstractionsAssembly = "AwsMcp.Abstractions";
    private const string DataAnnotations = "System.ComponentModel.DataAnnotations.";

    private readonly Dictionary<string, INamedTypeSymbol?> _resolved = new(StringComparer.Ordinal);

    public INamedTypeSymbol? ToolContext => Abstractions("ToolContext");
    public INamedTypeSymbol? ToolPackContext => Abstractions("ToolPackContext");
    public INamedTypeSymbol? ToolResult => Abstractions("ToolResult");
    public INamedTypeSymbol? AwsTargetAttribute => Abstractions("AwsTargetAttribute");
    public INamedTypeSymbol? TargetResourceAttribute => Abstractions("TargetResourceAttribute");
    public INamedTypeSymbol? ResourceCountAttribute => Abstractions("ResourceCountAttribute");
    public INamedTypeSymbol? DryRunAttribute => Abstractions("DryRunAttribute");
    public INamedTypeSymbol? PageTokenAttribute => Abstractions("PageTokenAttribute");
    public INamedTypeSymbol? PageSizeAttribute => Abstractions("PageSizeAttribute");
    public INamedTypeSymbol? ToolsetAttribute => Abstractions("ToolsetAttribute");
    public INamedTypeSymbol? NarrowsAttribute => Abstractions("NarrowsAttribute");
    public INamedTypeSymbol? CompleteAttribute => Abstractions("CompleteAttribute");
    public INamedTypeSymbol? PromptResult => Abstractions("PromptResult");
    public INamedTypeSymbol? ResourceContent => Abstractions("ResourceContent");
    public INamedTypeSymbol? CancellationToken => Referenced("System.Threading.CancellationToken");
    public INamedTypeSymbol? Task => Referenced("System.Threading.Tasks.Task");
    public INamedTypeSymbol? TaskOfT => Referenced("System.Threading.Tasks.Task`1");
    public INamedTypeSymbol? ValueTask => Referenced("System.Threading.Tasks.ValueTask");
    public INamedTypeSymbol? ValueTaskOfT => Referenced("System.Threading.Tasks.ValueTask`1");
    public INamedTypeSymbol? ReadOnlyMemoryOfT => Referenced("System.ReadOnlyMemory`1");
    public INamedTypeSymbol? Guid => Referenced("System.Guid");
    public INamedTypeSymbol? DateTimeOffset => Referenced("System.DateTimeOffset");
    public INamedTypeSymbol? JsonElement => Referenced("System.Text.Json.JsonElement");
    public INamedTypeSymbol? DescriptionAttribute => Referenced("System.ComponentModel.DescriptionAttribute");
    public INamedTypeSymbol? ArgumentNameAttribute => Abstractions("ArgumentNameAttribute");
    public INamedTypeSymbol? RangeAttribute => Referenced(DataAnnotations + "RangeAttribute");
    public INamedTypeSymbol? RegularExpressionAttribute => Referenced(DataAnnotations + "RegularExpressionAttribute");
    public INamedTypeSymbol? StringLengthAttribute => Referenced(DataAnnotations + "StringLengthAttribute");
    public INamedTypeSymbol? MinLengthAttribute => Referenced(DataAnnotations + "MinLengthAttribute");
    public INamedTypeSymbol? MaxLengthAttribute => Referenced(DataAnnotations + "MaxLengthAttribute");
    public INamedTypeSymbol? RequiredAttribute => Referenced(DataAnnotations + "RequiredAttribute");

    /// <summary>The attribute that declares a method of <paramref name="kind"/> (<c>[Tool]</c>, <c>[Prompt]</c>, ...).</summary>
    public INamedTypeSymbol? KindAttribute(ToolKind kind) => Abstractions(kind + "Attribute");

    /// <summary>
    /// True when <paramref name="type"/> is <paramref name="known"/>; a constructed generic (<c>Task&lt;int&gt;</c>)
    /// is its definition (<c>Task`1</c>).
    /// </summary>
    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        type is not null && known is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known);

    /// <summary>The attribute of class <paramref name="known"/> on <paramref name="symbol"/>, if any.</summary>
    public static AttributeData? FindAttribute(ISymbol symbol, INamedTypeSymbol? known)
    {
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (Is(attribute.AttributeClass, known))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>The string argument of <c>[Description("...")]</c>.</summary>
    public string? Description(ISymbol symbol) =>
        FindAttribute(symbol, DescriptionAttribute) is { ConstructorArguments.Length: 1 } attribute
            ? attribute.ConstructorArguments[0].Value as string
            : null;

    private INamedTypeSymbol? Abstractions(string name) => Resolve("AwsMcp.Abstractions." + name, AbstractionsAssembly);

    private INamedTypeSymbol? Referenced(string metadataName) => Resolve(metadataName, assemblyName: null);

    /// <summary>
    /// The one type of that name declared in a referenced assembly (named <paramref name="assemblyName"/> when given).
    /// Unlike <c>GetTypeByMetadataName</c>, which prefers the compilation's own assembly, a look-alike declared in the
    /// plugin itself never wins.
    /// </summary>
    private INamedTypeSymbol? Resolve(string metadataName, string? assemblyName)
    {
        if (!_resolved.TryGetValue(metadataName, out INamedTypeSymbol? type))
        {
            INamedTypeSymbol[] candidates = [.. compilation.GetTypesByMetadataName(metadataName)
                .Where(t => !SymbolEqualityComparer.Default.Equals(t.ContainingAssembly, compilation.Assembly)
                            && (assemblyName is null || t.ContainingAssembly.Name == assemblyName))];
            type = candidates.Length == 1 ? candidates[0] : null;
            _resolved.Add(metadataName, type);
        }

        return type;
    }
}
