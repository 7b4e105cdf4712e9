namespace AwsMcp.Abstractions;

/// <summary>Everything the host needs to serve one tool, produced at compile time by the generator.</summary>
public sealed class ToolDescriptor
{
    public ToolDescriptor(
        string name,
        string? title,
        string description,
        string inputSchemaJson,
        string? outputSchemaJson,
        ToolAnnotations annotations,
        string sourceMethod,
        ToolInvoker invoker)
    {
        Name = name;
        Title = title;
        Description = description;
        InputSchemaJson = inputSchemaJson;
        OutputSchemaJson = outputSchemaJson;
        Annotations = annotations;
        SourceMethod = sourceMethod;
        Invoker = invoker;
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

    public ToolInvoker Invoker { get; }
}
