namespace AwsMcp.Generators.Model;

/// <summary>
/// Everything the emitter needs for one descriptor: a tool, prompt, resource, resource template or completion provider.
/// Pure data: no symbols, syntax, locations or compilation.
/// </summary>
/// <param name="ToolName">The MCP name (tool, prompt, resource or template name, or completion source).</param>
/// <param name="Title">The optional human title.</param>
/// <param name="Description">The XML <c>&lt;summary&gt;</c> of the method.</param>
/// <param name="ClassName">The generated class (unique and stable per method).</param>
/// <param name="HolderTypeName">The fully qualified containing type.</param>
/// <param name="MethodName">The C# method name.</param>
/// <param name="SourceMethod">For logs: <c>Namespace.Type.Method</c>.</param>
/// <param name="Holder">How the containing type is instantiated (none for static methods).</param>
/// <param name="ResultKind">How the return value is converted.</param>
/// <param name="Result">The shape of T for structured results.</param>
/// <param name="Synchronous">The method returns its value rather than a Task/ValueTask (not allowed for tools).</param>
/// <param name="WrapResult">The result is not an object, so it is written as <c>{"result": ...}</c>.</param>
/// <param name="Annotations">The behaviour hints.</param>
/// <param name="Parameters">The method parameters, in order.</param>
/// <param name="Target">The declared AWS target: the arguments the generator adds and the region locator.</param>
/// <param name="Toolset">The declared toolset, or null.</param>
/// <param name="Kind">The MCP feature it serves.</param>
/// <param name="Uri">A resource's URI or a resource template's URI template; null for other kinds.</param>
/// <param name="MimeType">A resource's (or template's) MIME type, declared or implied by its return type; null when unknown.</param>
/// <param name="Subscribable">Clients may subscribe to the resource.</param>
internal sealed record ToolSpec(
    string ToolName,
    string? Title,
    string Description,
    string ClassName,
    string HolderTypeName,
    string MethodName,
    string SourceMethod,
    HolderCreation Holder,
    ResultKind ResultKind,
    TypeShape? Result,
    bool Synchronous,
    bool WrapResult,
    ToolAnnotationsSpec Annotations,
    EquatableArray<ParameterSpec> Parameters,
    TargetSpec Target,
    string? Toolset,
    ToolKind Kind,
    string? Uri,
    string? MimeType,
    bool Subscribable);
