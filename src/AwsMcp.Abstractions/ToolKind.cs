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

    /// <summary>
    /// A <c>[Prompt]</c>: <c>prompts/list</c>, <c>prompts/get</c>; its arguments are strings (the properties of its
    /// input schema), bound from a JSON object of them. Its result carries <see cref="ToolResult.Prompt"/>.
    /// </summary>
    Prompt,

    /// <summary>A <c>[Resource]</c> with a fixed URI: <c>resources/list</c>, <c>resources/read</c>.</summary>
    Resource,

    /// <summary>
    /// A <c>[ResourceTemplate]</c>: <c>resources/templates/list</c>; <c>resources/read</c> of a URI it matches, bound
    /// from a JSON object of the variables matched (<c>{"bucket": "logs", "key": "a/b.txt"}</c>).
    /// </summary>
    ResourceTemplate,

    /// <summary>
    /// A <c>[Completion]</c> provider: values for <c>completion/complete</c> of the arguments that name it. Its input
    /// schema has one string property, the typed prefix (<c>{"prefix": "al"}</c>, under the parameter's name); its
    /// result is structured, the values in <c>result</c>: <c>{"result": ["alpha", "alpine"]}</c>.
    /// </summary>
    Completion,
}
