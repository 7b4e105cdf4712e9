namespace AwsMcp.Generators.Model;

/// <summary>
/// The MCP feature a descriptor serves, one per attribute the generator reads. The names are those of the attributes
/// and of <c>AwsMcp.Abstractions.ToolKind</c>, which the emitter writes by name.
/// </summary>
internal enum ToolKind
{
    Tool,
    Prompt,
    Resource,
    ResourceTemplate,
    Completion,
}
