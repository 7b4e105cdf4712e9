namespace AwsMcp.Abstractions;

/// <summary>
/// Marks a method as a completion provider named <see cref="Source"/>: it suggests values for every prompt or
/// resource-template argument marked <c>[Complete("source")]</c>. It takes the typed prefix as a <see cref="string"/>
/// parameter, optionally <see cref="ToolContext"/> and <see cref="CancellationToken"/>, and returns a list of strings
/// (optionally as a <c>Task</c>/<c>ValueTask</c>). The host runs it like a read-only tool call (policy, audit),
/// keeps the values that start with the prefix and caps them at 100.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class CompletionAttribute(string source) : Attribute
{
    /// <summary>The source name (<c>^[a-z0-9_]{1,64}$</c>), e.g. <c>log_groups</c>.</summary>
    public string Source { get; } = source;
}
