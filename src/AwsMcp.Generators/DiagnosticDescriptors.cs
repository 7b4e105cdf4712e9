using Microsoft.CodeAnalysis;

namespace AwsMcp.Generators;

/// <summary>Every diagnostic of the generator (tools, prompts, resources, templates, completion providers). IDs are never reused; keep AnalyzerReleases.*.md in step.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "AwsMcp.Tools";

    public static readonly DiagnosticDescriptor UnsupportedParameterType = Error(
        "AWSMCP001",
        "Unsupported tool parameter type",
        "Parameter '{0}' of tool method '{1}' has unsupported type '{2}': {3}");

    public static readonly DiagnosticDescriptor RecursiveType = Error(
        "AWSMCP002",
        "Recursive type in a tool signature",
        "Tool method '{0}' uses the recursive type '{1}' ({2}); tool schemas are inlined, so a type must not contain itself");

    public static readonly DiagnosticDescriptor DuplicateToolName = Error(
        "AWSMCP003",
        "Duplicate tool name",
        "Tool name '{0}' is already used by '{1}'; the names of tools, prompts, resources, resource templates and completion sources must be unique in an assembly");

    public static readonly DiagnosticDescriptor InvalidToolName = Error(
        "AWSMCP004",
        "Invalid tool name",
        "Name '{0}' is invalid: a tool, prompt, resource, resource template or completion source name must match ^[a-z0-9_]{{1,64}}$");

    public static readonly DiagnosticDescriptor InvalidReturnType = Error(
        "AWSMCP005",
        "Tool method must be asynchronous",
        "Tool method '{0}' must return Task, Task<T>, ValueTask or ValueTask<T>, but returns '{1}'");

    public static readonly DiagnosticDescriptor InvalidParameterModifier = Error(
        "AWSMCP006",
        "Tool parameter must be passed by value",
        "Parameter '{0}' of tool method '{1}' must not be ref, out, in or params");

    public static readonly DiagnosticDescriptor MissingDescription = new(
        "AWSMCP007",
        "Tool has no description",
        "Tool '{0}' has no description: add an XML <summary> to the method; agents choose tools by their descriptions",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GenericMethod = Error(
        "AWSMCP008",
        "Tool method must not be generic",
        "Tool method '{0}' is generic or declared in a generic type; tools take and return closed types (ToolPage<Item>, not ToolPage<T>)");

    public static readonly DiagnosticDescriptor HolderNotInstantiable = Error(
        "AWSMCP009",
        "Tool holder type cannot be created",
        "Tool method '{0}' cannot be called: {1}");

    public static readonly DiagnosticDescriptor UnsupportedResultType = Error(
        "AWSMCP010",
        "Unsupported tool result type",
        "Tool method '{0}' returns the unsupported type '{1}': {2}");

    public static readonly DiagnosticDescriptor DocumentationNotParsed = new(
        "AWSMCP011",
        "XML documentation comments are not parsed",
        "Tool '{0}' is documented with /// comments, but the compiler does not parse them: set <GenerateDocumentationFile>true</GenerateDocumentationFile>",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InaccessibleMethod = Error(
        "AWSMCP012",
        "Tool method is not accessible",
        "Tool method '{0}' must be public or internal so that the generated invoker can call it");

    public static readonly DiagnosticDescriptor DuplicateArgumentName = Error(
        "AWSMCP013",
        "Duplicate JSON property name",
        "Tool method '{0}' has two members named '{1}' in JSON ({2}); rename one");

    public static readonly DiagnosticDescriptor TargetArgumentDeclared = Error(
        "AWSMCP014",
        "Tool declares an argument its AWS target adds",
        "Tool method '{0}' declares the parameter '{1}', but [AwsTarget] adds the '{2}' argument itself; remove the parameter and read ToolContext.{3}");

    public static readonly DiagnosticDescriptor InvalidTargetResource = Error(
        "AWSMCP015",
        "Invalid [TargetResource] parameter",
        "Parameter '{0}' of tool method '{1}' is marked [TargetResource] but is of type '{2}': a resource argument must be a string or a collection of strings");

    public static readonly DiagnosticDescriptor InvalidResourceCount = Error(
        "AWSMCP016",
        "Invalid [ResourceCount] parameter",
        "Parameter '{0}' of tool method '{1}' is marked [ResourceCount] but is of type '{2}': a resource count must be an integer argument");

    public static readonly DiagnosticDescriptor InvalidRegionLocator = Error(
        "AWSMCP017",
        "Invalid region locator",
        "RegionLocator '{0}' of tool method '{1}' cannot be used: {2}");

    public static readonly DiagnosticDescriptor UncountedChange = new(
        "AWSMCP018",
        "Changing tool declares no resources",
        "AWS tool '{0}' is not read-only but declares no [TargetResource] or [ResourceCount] argument: the blast-radius cap cannot count what it changes",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidDryRun = Error(
        "AWSMCP019",
        "Invalid [DryRun] parameter",
        "Parameter '{0}' of tool method '{1}' is marked [DryRun] but is of type '{2}' or has another role: a dry-run switch must be a bool argument of its own, one per tool");

    public static readonly DiagnosticDescriptor InvalidPageToken = Error(
        "AWSMCP020",
        "Invalid [PageToken] parameter",
        "Parameter '{0}' of tool method '{1}' cannot be the page token: {2}");

    public static readonly DiagnosticDescriptor InvalidToolset = Error(
        "AWSMCP021",
        "Invalid toolset name",
        "Toolset '{0}' of tool method '{1}' is not a valid toolset name: use 1 to 32 lower-case letters, digits, '_' or '-'");

    public static readonly DiagnosticDescriptor InvalidPromptParameter = Error(
        "AWSMCP022",
        "Invalid prompt parameter",
        "Parameter '{0}' of prompt method '{1}' is of type '{2}': MCP sends prompt arguments as text, so a prompt parameter must be a string or an enum (nullable when optional), a ToolContext or a CancellationToken");

    public static readonly DiagnosticDescriptor InvalidPromptReturnType = Error(
        "AWSMCP023",
        "Invalid prompt return type",
        "Prompt method '{0}' returns '{1}': a prompt returns a PromptResult or a string (one user message), optionally as a Task or ValueTask");

    public static readonly DiagnosticDescriptor InvalidResourceReturnType = Error(
        "AWSMCP024",
        "Invalid resource return type",
        "Resource method '{0}' returns '{1}': a resource or resource template returns a ResourceContent, a string, a byte[] or a ReadOnlyMemory<byte>, optionally as a Task or ValueTask");

    public static readonly DiagnosticDescriptor ResourceArgument = Error(
        "AWSMCP025",
        "Resource takes an argument",
        "Parameter '{0}' of resource method '{1}' is not allowed: a [Resource] has a fixed URI and takes only a ToolContext and a CancellationToken; use [ResourceTemplate] for a URI with variables");

    public static readonly DiagnosticDescriptor InvalidResourceUri = Error(
        "AWSMCP026",
        "Invalid resource URI or URI template",
        "URI '{0}' of resource method '{1}' is invalid: {2}");

    public static readonly DiagnosticDescriptor TemplateMismatch = Error(
        "AWSMCP027",
        "Resource template and parameters do not match",
        "Resource template method '{0}' does not match its URI template: {1}");

    public static readonly DiagnosticDescriptor InvalidCompletionProvider = Error(
        "AWSMCP028",
        "Invalid completion provider",
        "Completion provider '{0}' is invalid: {1}");

    public static readonly DiagnosticDescriptor ConflictingKinds = Error(
        "AWSMCP029",
        "Method has more than one MCP role",
        "Method '{0}' is marked {1}: a method is one tool, prompt, resource, resource template or completion provider; split it into methods");

    public static readonly DiagnosticDescriptor InvalidComplete = Error(
        "AWSMCP030",
        "Invalid [Complete] parameter",
        "Parameter '{0}' of method '{1}' cannot be completed from '{2}': {3}");

    public static readonly DiagnosticDescriptor UnknownCompletionSource = new(
        "AWSMCP031",
        "Unknown completion source",
        "Parameter '{0}' of method '{1}' completes from '{2}', which is neither a host source (regions, accounts) nor a [Completion] provider of this assembly; completion/complete will offer nothing",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidFanOut = Error(
        "AWSMCP032",
        "Invalid fan-out",
        "Tool method '{0}' cannot fan out: {1}");

    private static DiagnosticDescriptor Error(string id, string title, string messageFormat) =>
        new(id, title, messageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
