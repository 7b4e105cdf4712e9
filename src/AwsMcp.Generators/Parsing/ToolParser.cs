using System.Text.RegularExpressions;
using AwsMcp.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AwsMcp.Generators.Parsing;

/// <summary>
/// Symbols → <see cref="ParseResult"/>. Runs inside the ForAttributeWithMetadataName transform of each kind and keeps
/// no symbol, syntax node or compilation in the model; diagnostics carry the current compilation's source locations.
/// Prompts, resources, resource templates and completion providers are parsed as tools are, plus the rules of their
/// kind (argument types, results, URIs).
/// </summary>
internal sealed class ToolParser
{
    private static readonly Regex s_toolName = new("^[a-z0-9_]{1,64}$", RegexOptions.CultureInvariant);

    private static readonly SymbolDisplayFormat s_typeFormat = SymbolDisplayFormat.FullyQualifiedFormat;

    private readonly CancellationToken _cancellationToken;
    private readonly KnownTypeSymbols _known;
    private readonly TypeMapper _types;
    private readonly ToolKind _kind;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<CompletionReference> _completions = [];

    private ToolParser(KnownTypeSymbols known, ToolKind kind, CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        _known = known;
        _kind = kind;
        _types = new TypeMapper(known, cancellationToken);
    }

    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, ToolKind kind, CancellationToken cancellationToken) =>
        new ToolParser(new KnownTypeSymbols(context.SemanticModel.Compilation), kind, cancellationToken).Parse(
            (IMethodSymbol)context.TargetSymbol,
            (MethodDeclarationSyntax)context.TargetNode,
            context.Attributes[0]);

    private ParseResult Parse(IMethodSymbol method, MethodDeclarationSyntax syntax, AttributeData attribute)
    {
        string methodDisplay = method.ContainingType.ToDisplayString() + "." + method.Name;
        Location nameLocation = syntax.Identifier.GetLocation();

        ToolKind[] kinds = [.. DeclaredKinds(method)];
        if (kinds.Length > 1)
        {
            // Every kind's pipeline sees the method: the first reports it, and none makes a descriptor or claims a name.
            if (kinds[0] == _kind)
            {
                Report(DiagnosticDescriptors.ConflictingKinds, nameLocation, methodDisplay, string.Join(" and ", kinds.Select(k => "[" + k + "]")));
            }

            return Result(null, null, methodDisplay, nameLocation);
        }

        string toolName = DescriptorName(method, attribute);
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
            return Result(null, toolName, methodDisplay, nameLocation);
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

        // [AwsTarget] gives tools their region and account arguments; the other kinds take only the arguments they
        // declare (a resource template's {region} variable is its region, see ParseParameter).
        TargetSpec? target = _kind == ToolKind.Tool ? ParseTarget(method, parameters, methodDisplay, nameLocation) : TargetSpec.None;
        valid &= target is not null;
        valid &= CheckArgumentNames(parameters, target ?? TargetSpec.None, methodDisplay, nameLocation);

        if (_kind == ToolKind.Completion && method.Parameters.Count(p => !IsInjected(p.Type)) != 1)
        {
            valid = Report(
                DiagnosticDescriptors.InvalidCompletionProvider, nameLocation, methodDisplay,
                "it must take exactly one string parameter, the prefix the user typed (besides an optional ToolContext and CancellationToken)");
        }

        (ResultKind Kind, TypeShape? Result, bool Synchronous)? returns = _kind == ToolKind.Tool
            ? ParseReturn(method, syntax, methodDisplay)
            : ParseFeatureReturn(method, syntax, methodDisplay);
        valid &= returns is not null;
        if (returns is { } parsed)
        {
            valid &= CheckPageToken(parameters, parsed.Result, methodDisplay, nameLocation);
            if (target is { FanOut: true } && valid)
            {
                target = CheckFanOut(target, attribute.NamedArgument("ReadOnly") is true, parameters, parsed.Result, methodDisplay, nameLocation);
                valid &= target is not null;
            }
        }

        string? uri = null;
        string? mimeType = null;
        if (_kind is ToolKind.Resource or ToolKind.ResourceTemplate)
        {
            uri = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
            valid &= CheckUri(method, attribute, uri, methodDisplay, nameLocation);

            // Declared, else what the content is; a ResourceContent says its own.
            mimeType = attribute.NamedArgument("MimeType") as string ?? returns?.Kind switch
            {
                ResultKind.ResourceText => "text/plain",
                ResultKind.ResourceBytes => "application/octet-stream",
                _ => null,
            };
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

        // Prompts, resources and completion providers only read: they are never refused as writes nor confirmed.
        bool readOnly = _kind != ToolKind.Tool || attribute.NamedArgument("ReadOnly") is true;
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
                attribute.NamedArgument("Title") as string,
                description,
                _kind + "_" + NameConventions.ToIdentifier(method.ContainingType.Name) + "_" + method.Name + "_" + NameConventions.StableHash(documentationId),
                method.ContainingType.ToDisplayString(s_typeFormat),
                method.Name,
                methodDisplay,
                holder,
                r.Kind,
                r.Result,
                r.Synchronous,
                WrapResult: r.Result is not null && (r.Result.Kind != ShapeKind.Object || r.Result.IsNullable),
                _kind == ToolKind.Tool
                    ? new ToolAnnotationsSpec(
                        ReadOnly: readOnly,
                        Destructive: attribute.NamedArgument("Destructive") is true,
                        Idempotent: attribute.NamedArgument("Idempotent") is true,
                        OpenWorld: attribute.NamedArgument("OpenWorld") is not false)
                    : new ToolAnnotationsSpec(ReadOnly: true, Destructive: false, Idempotent: true, OpenWorld: true),
                parameters.ToEquatableArray(),
                target,
                toolset,
                _kind,
                uri,
                mimeType,
                Subscribable: attribute.NamedArgument("Subscribable") is true);
        }

        return Result(toolSpec, toolName, methodDisplay, nameLocation);
    }

    private ParseResult Result(ToolSpec? spec, string? toolName, string methodDisplay, Location nameLocation) =>
        new(spec, _kind, toolName, methodDisplay, nameLocation, _diagnostics.ToEquatableArray(), _completions.ToEquatableArray());

    /// <summary>The kinds whose attribute the method carries, in <see cref="ToolKind"/> order.</summary>
    private IEnumerable<ToolKind> DeclaredKinds(IMethodSymbol method) =>
        new[] { ToolKind.Tool, ToolKind.Prompt, ToolKind.Resource, ToolKind.ResourceTemplate, ToolKind.Completion }
            .Where(kind => KnownTypeSymbols.FindAttribute(method, _known.KindAttribute(kind)) is not null);

    /// <summary>
    /// A completion provider is named by its source; the others by their attribute (a constructor argument for tools
    /// and prompts, <c>Name</c> for resources), else the method name in snake_case without <c>Async</c>.
    /// </summary>
    private string DescriptorName(IMethodSymbol method, AttributeData attribute)
    {
        string? declared = _kind is ToolKind.Resource or ToolKind.ResourceTemplate
            ? attribute.NamedArgument("Name") as string
            : attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        return declared ?? (_kind == ToolKind.Completion ? string.Empty : NameConventions.ToolNameFromMethod(method.Name));
    }

    private bool IsInjected(ITypeSymbol type) => KnownTypeSymbols.Is(type, _known.CancellationToken) || KnownTypeSymbols.Is(type, _known.ToolContext);

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
        bool isPageSize = KnownTypeSymbols.FindAttribute(parameter, _known.PageSizeAttribute) is not null;
        bool injected = IsInjected(parameter.Type);
        if (injected && isPageSize)
        {
            Report(DiagnosticDescriptors.InvalidFanOut, location, methodDisplay, $"[PageSize] is on '{parameter.Name}', which is not an argument");
            return null;
        }

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

        if (!TryParseComplete(parameter, injected, methodDisplay, location, out string? completionSource))
        {
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

        if (IsRefusedByKind(parameter, methodDisplay, location))
        {
            return null;
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

        if (isPageSize)
        {
            if (shape.Kind is < ShapeKind.SByte or > ShapeKind.UInt64 || shape.IsNullable || meaning != ArgumentMeaning.Plain)
            {
                Report(DiagnosticDescriptors.InvalidFanOut, location, methodDisplay, $"[PageSize] parameter '{parameter.Name}' must be a non-nullable integer of its own");
                return null;
            }

            meaning = ArgumentMeaning.PageSize;
        }

        string jsonName = ArgumentName(parameter);
        Constraints constraints = ConstraintReader.Read(parameter.GetAttributes(), _known);
        if (_kind == ToolKind.ResourceTemplate && jsonName == TargetArguments.Region)
        {
            // A template's {region} is the call's region, which policy checks as it checks [AwsTarget]'s argument:
            // bound with the same pattern unless the author declared a stricter one.
            if (shape.Kind != ShapeKind.String || meaning != ArgumentMeaning.Plain)
            {
                Report(DiagnosticDescriptors.TemplateMismatch, location, methodDisplay, $"parameter '{parameter.Name}' is the call's region: it must be a string with no other role");
                return null;
            }

            meaning = ArgumentMeaning.Region;
            constraints = constraints.Pattern is null ? constraints with { Pattern = TargetArguments.RegionPattern } : constraints;
        }

        DefaultValue? defaultValue = DefaultValueFormatter.Read(parameter, shape) ?? (shape.IsNullable ? DefaultValueFormatter.Null(shape) : null);
        return new ParameterSpec(
            parameter.Name,
            jsonName,
            ParameterRole.Argument,
            shape,
            _known.Description(parameter) ?? documentation.Parameter(parameter.Name),
            IsRequired: defaultValue is null || constraints.Required,
            defaultValue,
            constraints,
            meaning,
            Narrows: KnownTypeSymbols.FindAttribute(parameter, _known.NarrowsAttribute) is not null,
            completionSource);
    }

    /// <summary>
    /// The source of the parameter's <c>[Complete]</c>, if any, recorded for the assembly-wide check that it exists;
    /// false (with a diagnostic) when it cannot be used.
    /// </summary>
    private bool TryParseComplete(IParameterSymbol parameter, bool injected, string methodDisplay, Location location, out string? source)
    {
        source = null;
        if (KnownTypeSymbols.FindAttribute(parameter, _known.CompleteAttribute) is not { } attribute)
        {
            return true;
        }

        string? name = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        if (name is null || !s_toolName.IsMatch(name))
        {
            return Report(DiagnosticDescriptors.InvalidComplete, location, parameter.Name, methodDisplay, name ?? "(null)", "a source name must match ^[a-z0-9_]{1,64}$");
        }

        if (injected)
        {
            return Report(DiagnosticDescriptors.InvalidComplete, location, parameter.Name, methodDisplay, name, "a ToolContext or CancellationToken is not an argument");
        }

        source = name;
        _completions.Add(new CompletionReference(name, parameter.Name, methodDisplay, location));
        return true;
    }

    /// <summary>
    /// True (with a diagnostic) when the method's kind takes no such argument: MCP sends prompt arguments and template
    /// variables as text, a fixed resource takes none, and a completion provider takes the typed prefix.
    /// </summary>
    private bool IsRefusedByKind(IParameterSymbol parameter, string methodDisplay, Location location)
    {
        ITypeSymbol core = parameter.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : parameter.Type;
        bool isText = core.SpecialType == SpecialType.System_String || core.TypeKind == TypeKind.Enum;
        string type = parameter.Type.ToDisplayString();
        switch (_kind)
        {
            case ToolKind.Prompt when !isText:
                Report(DiagnosticDescriptors.InvalidPromptParameter, location, parameter.Name, methodDisplay, type);
                return true;
            case ToolKind.Resource:
                Report(DiagnosticDescriptors.ResourceArgument, location, parameter.Name, methodDisplay);
                return true;
            case ToolKind.ResourceTemplate when !isText:
                Report(DiagnosticDescriptors.TemplateMismatch, location, methodDisplay, $"parameter '{parameter.Name}' is of type '{type}'; template variables are text, so it must be a string or an enum");
                return true;
            case ToolKind.Completion when core.SpecialType != SpecialType.System_String:
                Report(DiagnosticDescriptors.InvalidCompletionProvider, location, methodDisplay, $"its parameter '{parameter.Name}' is of type '{type}'; the prefix is a string");
                return true;
            default:
                return false;
        }
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
        bool fanOut = attribute.NamedArgument("FanOut") is true;
        if (attribute.NamedArgument("RegionLocator") is not string locatorName)
        {
            if (fanOut && !region && !account)
            {
                Report(DiagnosticDescriptors.InvalidFanOut, location, methodDisplay, "it lets the caller choose neither region nor account, so there is nothing to fan out over");
                return null;
            }

            return new TargetSpec(region, account, null, fanOut);
        }

        if (fanOut)
        {
            Report(DiagnosticDescriptors.InvalidFanOut, location, methodDisplay, "a tool that locates its region acts where its resource is, not in a list of regions");
            return null;
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
            bool region = target.Region && (parameter.JsonName == TargetArguments.Region || (target.FanOut && parameter.JsonName == TargetArguments.Regions));
            bool account = target.Account && (parameter.JsonName == TargetArguments.Account || (target.FanOut && parameter.JsonName == TargetArguments.Accounts));
            if (region || account)
            {
                return Report(DiagnosticDescriptors.TargetArgumentDeclared, location, methodDisplay, parameter.Name, parameter.JsonName, region ? "Region" : "Account");
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

    /// <summary>
    /// What the host can merge: pages of a read-only tool. The result is a page as <c>ToolPage&lt;T&gt;</c> writes it:
    /// one list of objects (the items, each tagged with its target when merged), the <c>[PageToken]</c> string and
    /// <c>has_more</c>, nothing else the host would have to merge without knowing how; and a <c>[PageSize]</c> argument,
    /// which the host shares among the targets. Returns the target with its items named, or null (reported).
    /// </summary>
    private TargetSpec? CheckFanOut(TargetSpec target, bool readOnly, List<ParameterSpec> parameters, TypeShape? result, string methodDisplay, Location location)
    {
        ParameterSpec? token = parameters.FirstOrDefault(p => p.Meaning == ArgumentMeaning.PageToken);
        PropertyShape[] lists = result is { Kind: ShapeKind.Object, IsNullable: false }
            ? [.. result.Properties.Where(p => p.Type.Kind == ShapeKind.Collection && p.Type.Element!.Kind == ShapeKind.Object)]
            : [];
        string? problem = !readOnly ? "it is not read-only (ReadOnly = true); only reads are asked of many targets at once"
            : token is null ? "it has no [PageToken] argument, so the merged page could not be continued"
            : !parameters.Any(p => p.Meaning == ArgumentMeaning.PageSize) ? "it has no [PageSize] argument, the page size the host shares among the targets"
            : lists.Length != 1 || result!.Properties.Any(p => p != lists[0] && p.JsonName != token.JsonName && !(p.JsonName == FanOutPage.HasMore && p.Type.Kind == ShapeKind.Boolean))
                ? $"its result is not a page (ToolPage<T>): one list of objects, the '{token.JsonName}' string and '{FanOutPage.HasMore}', nothing else"
            : null;
        if (problem is not null)
        {
            Report(DiagnosticDescriptors.InvalidFanOut, location, methodDisplay, problem);
            return null;
        }

        return target with { PageItems = lists[0].JsonName };
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

    private (ResultKind Kind, TypeShape? Result, bool Synchronous)? ParseReturn(IMethodSymbol method, MethodDeclarationSyntax syntax, string methodDisplay)
    {
        ITypeSymbol returnType = method.ReturnType;
        if (KnownTypeSymbols.Is(returnType, _known.Task) || KnownTypeSymbols.Is(returnType, _known.ValueTask))
        {
            return (ResultKind.Completion, null, false);
        }

        if (!(KnownTypeSymbols.Is(returnType, _known.TaskOfT) || KnownTypeSymbols.Is(returnType, _known.ValueTaskOfT)))
        {
            Report(DiagnosticDescriptors.InvalidReturnType, syntax.ReturnType.GetLocation(), methodDisplay, returnType.ToDisplayString());
            return null;
        }

        ITypeSymbol resultType = ((INamedTypeSymbol)returnType).TypeArguments[0];
        if (resultType.SpecialType == SpecialType.System_String)
        {
            return (ResultKind.Text, null, false);
        }

        if (KnownTypeSymbols.Is(resultType, _known.ToolResult))
        {
            return (ResultKind.ToolResult, null, false);
        }

        TypeShape? shape = _types.Map(resultType, ShapeDirection.Output, out MappingError? error);
        if (shape is null)
        {
            ReportMappingError(error!, syntax.ReturnType.GetLocation(), methodDisplay, resultType.ToDisplayString(), DiagnosticDescriptors.UnsupportedResultType, subject: null);
            return null;
        }

        return (ResultKind.Structured, shape, false);
    }

    /// <summary>
    /// The result of a prompt, resource, resource template or completion provider: its value, or a Task/ValueTask of
    /// it. Unlike tools they may be synchronous: they often render text without awaiting anything.
    /// </summary>
    private (ResultKind Kind, TypeShape? Result, bool Synchronous)? ParseFeatureReturn(IMethodSymbol method, MethodDeclarationSyntax syntax, string methodDisplay)
    {
        ITypeSymbol returnType = method.ReturnType;
        bool synchronous = !(KnownTypeSymbols.Is(returnType, _known.TaskOfT) || KnownTypeSymbols.Is(returnType, _known.ValueTaskOfT));
        ITypeSymbol value = synchronous ? returnType : ((INamedTypeSymbol)returnType).TypeArguments[0];
        bool isString = value.SpecialType == SpecialType.System_String;
        Location location = syntax.ReturnType.GetLocation();
        switch (_kind)
        {
            case ToolKind.Prompt:
                if (KnownTypeSymbols.Is(value, _known.PromptResult) || isString)
                {
                    return (isString ? ResultKind.PromptText : ResultKind.Prompt, null, synchronous);
                }

                Report(DiagnosticDescriptors.InvalidPromptReturnType, location, methodDisplay, returnType.ToDisplayString());
                return null;

            case ToolKind.Completion:
                // Written as a tool returning the same list would be ({"result": [...]}), with its output schema.
                TypeShape? list = isString ? null : _types.Map(value, ShapeDirection.Output, out _);
                if (list is { Kind: ShapeKind.Collection, Element.Kind: ShapeKind.String })
                {
                    return (ResultKind.Structured, list, synchronous);
                }

                Report(
                    DiagnosticDescriptors.InvalidCompletionProvider, location, methodDisplay,
                    $"it returns '{returnType.ToDisplayString()}'; a provider returns a list of strings (string[], List<string>, IEnumerable<string>, IReadOnlyList<string>), optionally as a Task or ValueTask");
                return null;

            default:
                bool isBytes = value is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte }
                    || (KnownTypeSymbols.Is(value, _known.ReadOnlyMemoryOfT) && ((INamedTypeSymbol)value).TypeArguments[0].SpecialType == SpecialType.System_Byte);
                if (KnownTypeSymbols.Is(value, _known.ResourceContent) || isString || isBytes)
                {
                    return (isString ? ResultKind.ResourceText : isBytes ? ResultKind.ResourceBytes : ResultKind.Resource, null, synchronous);
                }

                Report(DiagnosticDescriptors.InvalidResourceReturnType, location, methodDisplay, returnType.ToDisplayString());
                return null;
        }
    }

    /// <summary>
    /// A resource's URI must be fixed; a template's must be one the host can match, and its variables and the
    /// method's arguments must be the same names (a parameter's JSON name is its variable).
    /// </summary>
    private bool CheckUri(IMethodSymbol method, AttributeData attribute, string? uri, string methodDisplay, Location fallbackLocation)
    {
        // The URI argument itself, where the fix is.
        Location location = attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken) is AttributeSyntax { ArgumentList.Arguments.Count: > 0 } syntax
            ? syntax.ArgumentList.Arguments[0].GetLocation()
            : fallbackLocation;
        var variables = new List<string>();
        if (ResourceUris.Problem(uri, _kind == ToolKind.ResourceTemplate, variables) is { } problem)
        {
            return Report(DiagnosticDescriptors.InvalidResourceUri, location, uri ?? "(null)", methodDisplay, problem);
        }

        bool valid = true;
        var arguments = new HashSet<string>(StringComparer.Ordinal);
        foreach (IParameterSymbol parameter in method.Parameters.Where(p => !IsInjected(p.Type)))
        {
            string jsonName = ArgumentName(parameter);
            arguments.Add(jsonName);
            if (_kind == ToolKind.ResourceTemplate && !variables.Contains(jsonName))
            {
                valid = Report(
                    DiagnosticDescriptors.TemplateMismatch, parameter.Locations.FirstOrDefault() ?? fallbackLocation, methodDisplay,
                    $"parameter '{parameter.Name}' is not a variable of '{uri}'; add {{{jsonName}}} to the template or remove the parameter");
            }
        }

        foreach (string variable in variables.Where(v => !arguments.Contains(v)))
        {
            valid = Report(
                DiagnosticDescriptors.TemplateMismatch, location, methodDisplay,
                $"the variable '{{{variable}}}' has no parameter; declare a string or enum parameter whose name in snake_case is '{variable}'");
        }

        return valid;
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

    // snake_case of the parameter, unless [ArgumentName] gives the name a client already uses (a prompt argument
    // named resourceUri by a published client, say).
    private string ArgumentName(IParameterSymbol parameter) =>
        KnownTypeSymbols.FindAttribute(parameter, _known.ArgumentNameAttribute) is { } attribute
        && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string { Length: > 0 } name
            ? name
            : NameConventions.ToSnakeCase(parameter.Name);
}
