namespace AwsMcp.Abstractions;

/// <summary>
/// Everything the host needs to serve one tool. The generator produces it at compile time with a <see cref="Binder"/>
/// that validates and binds the arguments once; a hand-built descriptor gives an <see cref="Invoker"/> instead, and
/// the host validates its arguments against <see cref="InputSchemaJson"/> and reads its <see cref="Roles"/>.
/// </summary>
public sealed class ToolDescriptor
{
    /// <summary>A generated descriptor: the binder is the argument validator.</summary>
    public ToolDescriptor(
        string name,
        string? title,
        string description,
        string inputSchemaJson,
        string? outputSchemaJson,
        ToolAnnotations annotations,
        string sourceMethod,
        ToolBinder binder,
        ToolArgumentRoles roles)
        : this(name, title, description, inputSchemaJson, outputSchemaJson, annotations, sourceMethod)
    {
        Binder = binder;
        Roles = roles;
    }

    /// <summary>A hand-built descriptor: the host checks the arguments against the input schema, then calls <paramref name="invoker"/>.</summary>
    public ToolDescriptor(
        string name,
        string? title,
        string description,
        string inputSchemaJson,
        string? outputSchemaJson,
        ToolAnnotations annotations,
        string sourceMethod,
        ToolInvoker invoker)
        : this(name, title, description, inputSchemaJson, outputSchemaJson, annotations, sourceMethod)
    {
        Invoker = invoker;
    }

    private ToolDescriptor(
        string name, string? title, string description, string inputSchemaJson, string? outputSchemaJson, ToolAnnotations annotations, string sourceMethod)
    {
        Name = name;
        Title = title;
        Description = description;
        InputSchemaJson = inputSchemaJson;
        OutputSchemaJson = outputSchemaJson;
        Annotations = annotations;
        SourceMethod = sourceMethod;
    }

    /// <summary>The MCP tool name (<c>^[a-z0-9_]{1,64}$</c>).</summary>
    public string Name { get; }

    public string? Title { get; }

    public string Description { get; }

    /// <summary>JSON Schema of the arguments: an inline, Copilot-safe object schema.</summary>
    public string InputSchemaJson { get; }

    /// <summary>JSON Schema of the structured result, or null when the tool returns plain text.</summary>
    public string? OutputSchemaJson { get; }

    public ToolAnnotations Annotations { get; }

    /// <summary>The C# method behind the tool (<c>Namespace.Type.Method</c>), for logs and <c>tools list</c>.</summary>
    public string SourceMethod { get; }

    /// <summary>Validates and binds arguments (generated descriptors); null for hand-built ones.</summary>
    public ToolBinder? Binder { get; }

    /// <summary>Runs the tool on unvalidated arguments (hand-built descriptors); null for generated ones.</summary>
    public ToolInvoker? Invoker { get; }

    /// <summary>What the arguments mean to the host: target, resources, counts, narrowing.</summary>
    public ToolArgumentRoles Roles { get; init; } = ToolArgumentRoles.None;

    /// <summary>The MCP feature it serves: a tool unless generated from <c>[Prompt]</c>, <c>[Resource]</c>, <c>[ResourceTemplate]</c> or <c>[Completion]</c>.</summary>
    public ToolKind Kind { get; init; } = ToolKind.Tool;

    /// <summary>A resource's URI, or a resource template's URI template; null for other kinds.</summary>
    public string? Uri { get; init; }

    /// <summary>A resource's (or template's) MIME type; null when it does not say.</summary>
    public string? MimeType { get; init; }

    /// <summary>True when clients may subscribe to the resource (<see cref="ResourceAttribute.Subscribable"/>).</summary>
    public bool Subscribable { get; init; }

    /// <summary>The toolset it belongs to (<see cref="ToolsetAttribute"/>), or null for the pack's own.</summary>
    public string? Toolset { get; init; }
}
