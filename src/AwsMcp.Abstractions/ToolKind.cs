namespace AwsMcp.Abstractions;

/// <summary>
/// What MCP feature a descriptor serves. Prompts, resources and completion providers run pack code, so the host runs
/// them as calls like tools do (bound once, authorised, audited, redacted, bounded); the kind decides which MCP
/// method reaches them, and a <c>tools/call</c> reaches tools only.
/// </summary>
public enum ToolKind
{
    /// <summary>A <c>[Tool]</c>: <c>tools/list</c>, <c>tools/call</c>.</summary>
    Tool,

    /// <summary>A <c>[Prompt]</c>: <c>prompts/list</c>, <c>prompts/get</c>; its arguments are strings.</summary>
    Prompt,

    /// <summary>A <c>[Resource]</c> with a fixed URI: <c>resources/list</c>, <c>resources/read</c>.</summary>
    Resource,

    /// <summary>A <c>[ResourceTemplate]</c>: <c>resources/templates/list</c>; <c>resources/read</c> of a URI it matches.</summary>
    ResourceTemplate,

    /// <summary>A <c>[Completion]</c> provider: values for <c>completion/complete</c> of the arguments that name it.</summary>
    Completion,
}
