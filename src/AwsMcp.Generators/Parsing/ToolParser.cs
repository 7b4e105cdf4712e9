using System.Text.RegularExpressions;
using AwsMcp.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwsMcp.Generators.Parsing;

/// <summary>
/// Symbols → <see cref="ParseResult"/>. Runs inside the ForAttributeWithMetadataName transform and keeps no symbol,
/// syntax node or compilation in the model; diagnostics carry the current compilation's source locations.
/// </summary>
internal sealed class ToolParser
{
    private static readonly Regex s_toolName = new("^[a-z0-9_]{1,64}$", RegexOptions.CultureInvariant);

    private static readonly SymbolDisplayFormat s_typeFormat = SymbolDisplayFormat.FullyQualifiedFormat;

    private readonly CancellationToken _cancellationToken;
    private readonly KnownTypeSymbols _known;
    private readonly TypeMapper _types;
    private readonly List<Diagnostic> _diagnostics = [];

    private ToolParser(KnownTypeSymbols known, CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        _known = known;
        _types = new TypeMapper(known, cancellationToken);
    }

    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        new ToolParser(new KnownTypeSymbols(context.SemanticModel.Compilation), cancellationToken).Parse(
            (IMethodSymbol)context.TargetSymbol,
            (MethodDeclarationSyntax)context.TargetNode,
            context.Attributes[0]);

    private ParseResult Parse(IMethodSymbol method, MethodDeclarationSyntax syntax, AttributeData toolAttribute)
    {
        string methodDisplay = method.ContainingType.ToDisplayString() + "." + method.Name;
        Location nameLocation = syntax.Identifier.GetLocation();
        string toolName = toolAttribute.ConstructorArguments.Length == 1 && toolAttribute.ConstructorArguments[0].Value is string explicitName
            ? explicitName
            : NameConventions.ToolNameFromMethod(method.Name);

        bool valid = true;
        if (!s_toolName.IsMatch(toolName))
        {
            valid = Report(DiagnosticDescriptors.InvalidToolName, nameLocation, toolName);
        }

        if (method.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
        {
            valid = Report(DiagnosticDescriptors.InaccessibleMethod, nameLocation, methodDisplay);
        }

        if (method.IsGenericMethod || IsInGenericType(method.ContainingType))
        {
            // Open type parameters reach a tool's signature only this way; reported once, not again per parameter.
            Report(DiagnosticDescriptors.GenericMethod, nameLocation, methodDisplay);
            return new ParseResult(null, toolName, methodDisplay, nameLocation, _diagnostics.ToEquatableArray());
        }

        if (HolderProblem(method, out HolderCreation holder) is { } holderProblem)
        {
            valid = Report(DiagnosticDescriptors.HolderNotInstantiable, nameLocation, methodDisplay, holderProblem);
        }

        XmlDocumentation documentation = XmlDocumentation.Read(method, _cancellationToken);
        var parameters = new List<ParameterSpec>(method.Parameters.Length);
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            ParameterSpec? spec = ParseParameter(parameter, documentation, methodDisplay, nameLocation);
            if (spec is null)
            {
                valid = false;
            }
            else
            {
                parameters.Add(spec);
            }
        }

        if (parameters.Count(p => p.Meaning == ArgumentMeaning.DryRun) > 1)
        {
            ParameterSpec second = parameters.Where(p => p.Meaning == ArgumentMeaning.DryRun).Skip(1).First();
            valid = Report(DiagnosticDescriptors.InvalidDryRun, nameLocation, second.Name, methodDisplay, "bool");
        }

        TargetSpec? target = ParseTarget(method, parameters, methodDisplay, nameLocation);
        valid &= target is not null;
        valid &= CheckArgumentNames(parameters, target ?? TargetSpec.None, methodDisplay, nameLocation);

        (ResultKind resultKind, TypeShape? result)? returns = ParseReturn(method, syntax, methodDisplay);
        valid &= returns is not null;
        if (returns is { } parsed)
        {
            valid &= CheckPageToken(parameters, parsed.result, methodDisplay, nameLocation);
        }

        string description = documentation.Summary ?? _known.Description(method) ?? string.Empty;
        if (description.Length == 0)
        {
            // Without /doc (GenerateDocumentationFile=false) Roslyn does not parse '///' comments at all, so the
            // summary is missing even though the author wrote one: say that instead of "no description".
            bool docsIgnored = syntax.SyntaxTree.Options.DocumentationMode == DocumentationMode.None
                && syntax.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) && t.ToString().StartsWith("///", StringComparison.Ordinal));
            Report(docsIgnored ? DiagnosticDescriptors.DocumentationNotParsed : DiagnosticDescriptors.MissingDescription, nameLocation, toolName);
        }

        string? toolset = ParseToolset(method, nameLocation);
        valid &= toolset != InvalidToolset;

        bool readOnly = toolAttribute.NamedArgument("ReadOnly") is true;
        if (!readOnly && target is not null && target != TargetSpec.None && !parameters.Any(p => p.Meaning is ArgumentMeaning.TargetResource or ArgumentMeaning.ResourceCount))
        {
            Report(DiagnosticDescriptors.UncountedChange, nameLocation, toolName);
        }

        ToolSpec? toolSpec = null;
        if (valid && returns is { } r && target is not null)
        {
            string documentationId = method.GetDocumentationCommentId() ?? methodDisplay;
            toolSpec = new ToolSpec(
                toolName,
                toolAttribute.NamedArgument("Title") as string,
                description,
                "Tool_" + NameConventions.ToIdentifier(method.ContainingType.Name) + "_" + method.Name + "_" + NameConventions.StableHash(documentationId),
                method.ContainingType.ToDisplayString(s_typeFormat),
                method.Name,
                methodDisplay,
                holder,
                r.resultKind,
                r.result,
                WrapResult: r.result is not null && (r.result.Kind != ShapeKind.Object || r.result.IsNullable),
                new ToolAnnotationsSpec(
                    ReadOnly: readOnly,
                    Destructive: toolAttribute.NamedArgument("Destructive") is true,
                    Idempotent: toolAttribute.NamedArgument("Idempotent") is true,
                    OpenWorld: toolAttribute.NamedArgument("OpenWorld") is not false),
                parameters.ToEquatableArray(),
                target,
                toolset);
        }

        return new ParseResult(toolSpec, toolName, methodDisplay, nameLocation, _diagnostics.ToEquatableArray());
    }

    private ParameterSpec? ParseParameter(IParameterSymbol parameter, XmlDocumentation documentation, string methodDisplay, Location fallbackLocation)
    {
        Location location = parameter.Locations.FirstOrDefault() ?? fallbackLocation;
        if (parameter.RefKind != RefKind.None || parameter.IsParams)
        {
            Report(DiagnosticDescriptors.InvalidParameterModifier, location, parameter.Name, methodDisplay);
            return null;
        }

        bool isResource = KnownTypeSymbols.FindAttribute(parameter, _known.TargetResourceAttribute) is not null;
        bool isCount = KnownTypeSymbols.FindAttribute(parameter, _known.ResourceCountAttribute) is not null;
        bool isDryRun = KnownTypeSymbols.FindAttribute(parameter, _known.DryRunAttribute) is not null;
        bool isPageToken = KnownTypeSymbols.FindAttribute(parameter, _known.PageTokenAttribute) is not null;
        bool injected = KnownTypeSymbols.Is(parameter.Type, _known.CancellationToken) || KnownTypeSymbols.Is(parameter.Type, _known.ToolContext);
        if (injected && (isResource || isCount || isDryRun || isPageToken))
        {
            Report(
                isResource ? DiagnosticDescriptors.InvalidTargetResource
                    : isCount ? DiagnosticDescriptors.InvalidResourceCount
                    : isDryRun ? DiagnosticDescriptors.InvalidDryRun
                    : DiagnosticDescriptors.InvalidPageToken,
                location,
                parameter.Name,
                methodDisplay,
                parameter.Type.ToDisplayString());
            return null;
        }

        if (KnownTypeSymbols.Is(parameter.Type, _known.CancellationToken))
        {
            return Injected(parameter, ParameterRole.CancellationToken);
        }

        if (KnownTypeSymbols.Is(parameter.Type, _known.ToolContext))
        {
            return Injected(parameter, ParameterRole.ToolContext);
        }

        TypeShape? shape = _types.Map(parameter.Type, ShapeDirection.Input, out MappingError? error);
        if (shape is null)
        {
            ReportMappingError(error!, location, methodDisplay, parameter.Type.ToDisplayString(), DiagnosticDescriptors.UnsupportedParameterType, parameter.Name);
            return null;
        }

        ArgumentMeaning meaning = ArgumentMeaning.Plain;
        if (isResource)
        {
            bool isStrings = shape.Kind == ShapeKind.String || (shape.Kind == ShapeKind.Collection && shape.Element!.Kind == ShapeKind.String);
            if (!isStrings || isCount)
            {
                Report(DiagnosticDescriptors.InvalidTargetResource, location, parameter.Name, methodDisplay, parameter.Type.ToDisplayString());
                return null;
            }

            meaning = ArgumentMeaning.TargetResource;
        }
        else if (isCount)
        {
            if (shape.Kind is < ShapeKind.SByte or > ShapeKind.UInt64)
            {
                Report(DiagnosticDescriptors.InvalidResourceCount, location, parameter.Name, methodDisplay, parameter.Type.ToDisplayString());
                return null;
            }

            meaning = ArgumentMeaning.ResourceCount;
        }

        if (isDryRun)
        {
            if (shape.Kind != ShapeKind.Boolean || meaning != ArgumentMeaning.Plain)
            {
                Report(DiagnosticDescriptors.InvalidDryRun, location, parameter.Name, methodDisplay, parameter.Type.ToDisplayString());
                return null;
            }

            meaning = ArgumentMeaning.DryRun;
        }

        if (isPageToken)
        {
            if (shape.Kind != ShapeKind.String || meaning != ArgumentMeaning.Plain)
            {
                Report(DiagnosticDescriptors.InvalidPageToken, location, parameter.Name, methodDisplay, $"it is of type '{parameter.Type.ToDisplayString()}' or has another role; it must be a string of its own");
                return null;
            }

            meaning = ArgumentMeaning.PageToken;
        }

        DefaultValue? defaultValue = DefaultValueFormatter.Read(parameter, shape) ?? (shape.IsNullable ? DefaultValueFormatter.Null(shape) : null);
        Constraints constraints = ConstraintReader.Read(parameter.GetAttributes(), _known);
        return new ParameterSpec(
            parameter.Name,
            NameConventions.ToSnakeCase(parameter.Name),
            ParameterRole.Argument,
            shape,
            _known.Description(parameter) ?? documentation.Parameter(parameter.Name),
            IsRequired: defaultValue is null || constraints.Required,
            defaultValue,
            constraints,
            meaning,
            Narrows: KnownTypeSymbols.FindAttribute(parameter, _known.NarrowsAttribute) is not null);
    }

    private static ParameterSpec Injected(IParameterSymbol parameter, ParameterRole role) =>
        new(parameter.Name, parameter.Name, role, Type: null, Description: null, IsRequired: false, Default: null, Constraints.None);

    /// <summary>
    /// The <c>[AwsTarget]</c> of the method, else of its type; null (with a diagnostic) when its region locator is
    /// unusable. A locator must be a method of the holder type returning <c>Task&lt;string&gt;</c> or
    /// <c>ValueTask&lt;string&gt;</c> whose parameters are the <c>ToolContext</c> or tool parameters (same name and type).
    /// </summary>
    private TargetSpec? ParseTarget(IMethodSymbol method, List<ParameterSpec> parameters, string methodDisplay, Location location)
    {
        AttributeData? attribute = KnownTypeSymbols.FindAttribute(method, _known.AwsTargetAttribute)
            ?? KnownTypeSymbols.FindAttribute(method.ContainingType, _known.AwsTargetAttribute);
        if (attribute is null)
        {
            return TargetSpec.None;
        }

        bool region = attribute.NamedArgument("Region") is not false;
        bool account = attribute.NamedArgument("Account") is not false;
        if (attribute.NamedArgument("RegionLocator") is not string locatorName)
        {
            return new TargetSpec(region, account, null);
        }

        LocatorSpec? locator = ParseLocator(method, locatorName, parameters, out string? problem);
        if (locator is null)
        {
            Report(DiagnosticDescriptors.InvalidRegionLocator, location, locatorName, methodDisplay, problem);
            return null;
        }

        return new TargetSpec(Region: false, account, locator);
    }

    private LocatorSpec? ParseLocator(IMethodSymbol tool, string name, List<ParameterSpec> parameters, out string? problem)
    {
        IMethodSymbol[] candidates = [.. tool.ContainingType.GetMembers(name).OfType<IMethodSymbol>()];
        if (candidates.Length != 1)
        {
            problem = candidates.Length == 0
                ? $"'{tool.ContainingType.ToDisplayString()}' has no method of that name"
                : "it is overloaded; a locator must be a single method";
            return null;
        }

        IMethodSymbol locator = candidates[0];
        bool returnsValueTask = KnownTypeSymbols.Is(locator.ReturnType, _known.ValueTaskOfT);
        if (!(returnsValueTask || KnownTypeSymbols.Is(locator.ReturnType, _known.TaskOfT))
            || ((INamedTypeSymbol)locator.ReturnType).TypeArguments[0].SpecialType != SpecialType.System_String)
        {
            problem = "it must return Task<string> or ValueTask<string>";
            return null;
        }

        if (locator.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal) || locator.IsGenericMethod)
        {
            problem = "it must be a public or internal, non-generic method";
            return null;
        }

        if (tool.IsStatic && !locator.IsStatic)
        {
            problem = "the tool method is static, so its locator must be static too";
            return null;
        }

        var arguments = new List<string>(locator.Parameters.Length);
        foreach (IParameterSymbol parameter in locator.Parameters)
        {
            if (KnownTypeSymbols.Is(parameter.Type, _known.ToolContext))
            {
                arguments.Add(LocatorSpec.ContextArgument);
                continue;
            }

            IParameterSymbol? match = tool.Parameters.FirstOrDefault(p => p.Name == parameter.Name);
            if (match is null || parameter.RefKind != RefKind.None || !SymbolEqualityComparer.Default.Equals(match.Type.WithNullableAnnotation(NullableAnnotation.None), parameter.Type.WithNullableAnnotation(NullableAnnotation.None))
                || !parameters.Any(p => p.Name == parameter.Name && p.Role == ParameterRole.Argument))
            {
                problem = $"its parameter '{parameter.Name}' is neither the ToolContext nor an argument of the tool with the same name and type";
                return null;
            }

            arguments.Add(parameter.Name);
        }

        problem = null;
        return new LocatorSpec(locator.Name, locator.IsStatic, returnsValueTask, arguments.ToEquatableArray());
    }

    private bool CheckArgumentNames(List<ParameterSpec> parameters, TargetSpec target, string methodDisplay, Location location)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (ParameterSpec parameter in parameters.Where(p => p.Role == ParameterRole.Argument))
        {
            if ((target.Region && parameter.JsonName == TargetArguments.Region) || (target.Account && parameter.JsonName == TargetArguments.Account))
            {
                return Report(
                    DiagnosticDescriptors.TargetArgumentDeclared, location, methodDisplay, parameter.Name, parameter.JsonName,
                    parameter.JsonName == TargetArguments.Region ? "Region" : "Account");
            }

            if (seen.TryGetValue(parameter.JsonName, out string? other))
            {
                return Report(DiagnosticDescriptors.DuplicateArgumentName, location, methodDisplay, parameter.JsonName, $"parameters '{other}' and '{parameter.Name}'");
            }

            seen.Add(parameter.JsonName, parameter.Name);
        }

        return true;
    }

    private const string InvalidToolset = "\0";

    /// <summary>The toolset of <c>[Toolset]</c> on the method, else on its class; null when neither has one.</summary>
    private string? ParseToolset(IMethodSymbol method, Location location)
    {
        AttributeData? attribute = KnownTypeSymbols.FindAttribute(method, _known.ToolsetAttribute)
            ?? KnownTypeSymbols.FindAttribute(method.ContainingType, _known.ToolsetAttribute);
        if (attribute is null)
        {
            return null;
        }

        string? name = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        if (name is null || name.Length is 0 or > 32 || !name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-'))
        {
            Report(DiagnosticDescriptors.InvalidToolset, location, name ?? "(null)", method.ToDisplayString());
            return InvalidToolset;
        }

        return name;
    }

    /// <summary>At most one <c>[PageToken]</c>, and the result returns the next token under its name.</summary>
    private bool CheckPageToken(List<ParameterSpec> parameters, TypeShape? result, string methodDisplay, Location location)
    {
        ParameterSpec[] tokens = [.. parameters.Where(p => p.Meaning == ArgumentMeaning.PageToken)];
        if (tokens.Length > 1)
        {
            return Report(DiagnosticDescriptors.InvalidPageToken, location, tokens[1].Name, methodDisplay, "a tool continues one listing, so it has one page token");
        }

        if (tokens.Length == 1
            && (result is not { Kind: ShapeKind.Object } || !result.Properties.Any(p => p.JsonName == tokens[0].JsonName && p.Type.Kind == ShapeKind.String)))
        {
            return Report(
                DiagnosticDescriptors.InvalidPageToken, location, tokens[0].Name, methodDisplay, $"the tool's result has no string property '{tokens[0].JsonName}' that returns the next token");
        }

        return true;
    }

    private (ResultKind Kind, TypeShape? Result)? ParseReturn(IMethodSymbol method, MethodDeclarationSyntax syntax, string methodDisplay)
    {
        ITypeSymbol returnType = method.ReturnType;
        if (KnownTypeSymbols.Is(returnType, _known.Task) || KnownTypeSymbols.Is(returnType, _known.ValueTask))
        {
            return (ResultKind.Completion, null);
        }

        if (!(KnownTypeSymbols.Is(returnType, _known.TaskOfT) || KnownTypeSymbols.Is(returnType, _known.ValueTaskOfT)))
        {
            Report(DiagnosticDescriptors.InvalidReturnType, syntax.ReturnType.GetLocation(), methodDisplay, returnType.ToDisplayString());
            return null;
        }

        ITypeSymbol resultType = ((INamedTypeSymbol)returnType).TypeArguments[0];
        if (resultType.SpecialType == SpecialType.System_String)
        {
            return (ResultKind.Text, null);
        }

        if (KnownTypeSymbols.Is(resultType, _known.ToolResult))
        {
            return (ResultKind.ToolResult, null);
        }

        TypeShape? shape = _types.Map(resultType, ShapeDirection.Output, out MappingError? error);
        if (shape is null)
        {
            ReportMappingError(error!, syntax.ReturnType.GetLocation(), methodDisplay, resultType.ToDisplayString(), DiagnosticDescriptors.UnsupportedResultType, subject: null);
            return null;
        }

        return (ResultKind.Structured, shape);
    }

    /// <summary>Null when the method can be called from the generated registration, else why not.</summary>
    private string? HolderProblem(IMethodSymbol method, out HolderCreation holder)
    {
        holder = HolderCreation.None;
        for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                return $"its containing type '{type.ToDisplayString()}' is {type.DeclaredAccessibility.ToString().ToLowerInvariant()}; make it public or internal";
            }
        }

        if (method.IsStatic)
        {
            return null;
        }

        INamedTypeSymbol holderType = method.ContainingType;
        if (holderType.IsAbstract || holderType.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return $"'{holderType.ToDisplayString()}' is abstract or not a class; make the method static or the type concrete";
        }

        foreach (IMethodSymbol constructor in holderType.InstanceConstructors)
        {
            if (constructor.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                continue;
            }

            if (constructor.Parameters.Length == 1 && KnownTypeSymbols.Is(constructor.Parameters[0].Type, _known.ToolPackContext))
            {
                holder = HolderCreation.WithContext;
            }
            else if (constructor.Parameters.Length == 0 && holder == HolderCreation.None)
            {
                holder = HolderCreation.Parameterless;
            }
        }

        return holder == HolderCreation.None
            ? $"'{holderType.ToDisplayString()}' needs a public constructor that is parameterless or takes a single ToolPackContext (or make the method static)"
            : null;
    }

    private void ReportMappingError(MappingError error, Location location, string methodDisplay, string typeDisplay, DiagnosticDescriptor unsupported, string? subject)
    {
        switch (error.Kind)
        {
            case MappingErrorKind.Recursive:
                Report(DiagnosticDescriptors.RecursiveType, location, methodDisplay, error.Subject, error.Message);
                break;
            case MappingErrorKind.DuplicateName:
                Report(DiagnosticDescriptors.DuplicateArgumentName, location, methodDisplay, error.Subject, error.Message);
                break;
            default:
                if (subject is null)
                {
                    Report(unsupported, location, methodDisplay, typeDisplay, error.Message);
                }
                else
                {
                    Report(unsupported, location, subject, methodDisplay, typeDisplay, error.Message);
                }

                break;
        }
    }

    private static bool IsInGenericType(INamedTypeSymbol? type)
    {
        for (; type is not null; type = type.ContainingType)
        {
            if (type.IsGenericType)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds a diagnostic; returns false so callers can write <c>valid = Report(...)</c>.</summary>
    private bool Report(DiagnosticDescriptor descriptor, Location location, params object?[] arguments)
    {
        _diagnostics.Add(Diagnostic.Create(descriptor, location, arguments));
        return false;
    }
}
