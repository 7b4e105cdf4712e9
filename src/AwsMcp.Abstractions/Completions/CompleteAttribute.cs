namespace AwsMcp.Abstractions;

/// <summary>
/// Says where <c>completion/complete</c> finds values for this prompt or resource-template argument: a
/// <c>[Completion]</c> provider of the pack, or one of the host's <see cref="CompletionSources"/>. Enum arguments
/// complete from their values without it.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class CompleteAttribute(string source) : Attribute
{
    public string Source { get; } = source;
}
