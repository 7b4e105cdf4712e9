namespace AwsMcp.Abstractions;

/// <summary>
/// Marks an async method as an MCP tool. The AwsMcp generator turns it into a <see cref="ToolDescriptor"/> at compile
/// time: the description comes from the method's XML <c>&lt;summary&gt;</c>, the input schema from its parameters.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class ToolAttribute : Attribute
{
    /// <summary>Uses the method name in snake_case, without an <c>Async</c> suffix, as the tool name.</summary>
    public ToolAttribute()
    {
    }

    /// <summary>Names the tool explicitly; must match <c>^[a-z0-9_]{1,64}$</c>.</summary>
    public ToolAttribute(string name) => Name = name;

    /// <summary>The tool name, or null to derive it from the method name.</summary>
    public string? Name { get; }

    /// <summary>A short human title shown by clients.</summary>
    public string? Title { get; set; }

    /// <summary>The tool does not change anything. Tools that are not read-only are refused unless writes are enabled.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>The tool may destroy or irreversibly change resources; the host asks for confirmation first.</summary>
    public bool Destructive { get; set; }

    /// <summary>Calling the tool again with the same arguments has no further effect.</summary>
    public bool Idempotent { get; set; }

    /// <summary>The tool reaches outside the server (AWS). True for nearly every AwsMcp tool.</summary>
    public bool OpenWorld { get; set; } = true;
}
