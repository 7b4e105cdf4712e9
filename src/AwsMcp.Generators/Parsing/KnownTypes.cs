using Microsoft.CodeAnalysis;

namespace AwsMcp.Generators.Parsing;

/// <summary>
/// Name-based type checks. Cheaper than <c>Compilation.GetTypeByMetadataName</c>, which probes every reference and
/// would run again for each new compilation (every keystroke in the IDE).
/// </summary>
internal static class KnownTypes
{
    public const string ToolContext = "AwsMcp.Abstractions.ToolContext";
    public const string ToolPackContext = "AwsMcp.Abstractions.ToolPackContext";
    public const string ToolResult = "AwsMcp.Abstractions.ToolResult";
    public const string CancellationToken = "System.Threading.CancellationToken";
    public const string Task = "System.Threading.Tasks.Task";
    public const string TaskOfT = "System.Threading.Tasks.Task`1";
    public const string ValueTask = "System.Threading.Tasks.ValueTask";
    public const string ValueTaskOfT = "System.Threading.Tasks.ValueTask`1";
    public const string Guid = "System.Guid";
    public const string DateTimeOffset = "System.DateTimeOffset";
    public const string JsonElement = "System.Text.Json.JsonElement";
    public const string DescriptionAttribute = "System.ComponentModel.DescriptionAttribute";
    public const string AwsTargetAttribute = "AwsMcp.Abstractions.AwsTargetAttribute";
    public const string TargetResourceAttribute = "AwsMcp.Abstractions.TargetResourceAttribute";
    public const string ResourceCountAttribute = "AwsMcp.Abstractions.ResourceCountAttribute";
    public const string DryRunAttribute = "AwsMcp.Abstractions.DryRunAttribute";
    public const string PageTokenAttribute = "AwsMcp.Abstractions.PageTokenAttribute";
    public const string ToolsetAttribute = "AwsMcp.Abstractions.ToolsetAttribute";
    public const string NarrowsAttribute = "AwsMcp.Abstractions.NarrowsAttribute";

    /// <summary>True when <paramref name="type"/> is the top-level type <paramref name="metadataName"/> (generic arity as <c>`1</c>).</summary>
    public static bool Is(ITypeSymbol? type, string metadataName)
    {
        if (type is null || type.ContainingType is not null)
        {
            return false;
        }

        int lastDot = metadataName.LastIndexOf('.');
        if (type.MetadataName != metadataName.Substring(lastDot + 1))
        {
            return false;
        }

        string namespaceName = metadataName.Substring(0, lastDot);
        INamespaceSymbol? ns = type.ContainingNamespace;
        while (ns is not null && !ns.IsGlobalNamespace)
        {
            int dot = namespaceName.LastIndexOf('.');
            if (ns.Name != namespaceName.Substring(dot + 1))
            {
                return false;
            }

            namespaceName = dot < 0 ? string.Empty : namespaceName.Substring(0, dot);
            ns = ns.ContainingNamespace;
        }

        return namespaceName.Length == 0;
    }

    /// <summary>The attribute of type <paramref name="metadataName"/> on <paramref name="symbol"/>, if any.</summary>
    public static AttributeData? FindAttribute(ISymbol symbol, string metadataName)
    {
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (Is(attribute.AttributeClass, metadataName))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>The string argument of <c>[Description("...")]</c>.</summary>
    public static string? Description(ISymbol symbol) =>
        FindAttribute(symbol, DescriptionAttribute) is { ConstructorArguments.Length: 1 } attribute
            ? attribute.ConstructorArguments[0].Value as string
            : null;
}
