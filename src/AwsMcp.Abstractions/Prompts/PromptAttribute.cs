namespace AwsMcp.Abstractions;

/// <summary>
/// Marks a method as an MCP prompt: a reusable conversation starter a user picks in the client (a monthly cost
/// review, an incident triage). Its <c>///</c> summary is the description, each parameter an argument (strings and
/// enums only: MCP sends prompt arguments as text), and it returns a <see cref="PromptResult"/> or a
/// <see cref="string"/> (one user message), optionally as a <c>Task</c>/<c>ValueTask</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class PromptAttribute : Attribute
{
    public PromptAttribute()
    {
    }

    /// <param name="name">The prompt name (<c>^[a-z0-9_]{1,64}$</c>); defaults to the method name in snake_case.</param>
    public PromptAttribute(string name) => Name = name;

    public string? Name { get; }

    /// <summary>A short human-readable title for pickers.</summary>
    public string? Title { get; set; }
}
