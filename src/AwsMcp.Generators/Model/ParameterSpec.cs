namespace AwsMcp.Generators.Model;

/// <summary>One parameter of a tool method.</summary>
/// <param name="Name">The C# parameter name.</param>
/// <param name="JsonName">The argument name (snake_case).</param>
/// <param name="Role">Argument or injected value.</param>
/// <param name="Type">The argument's shape; null for injected parameters.</param>
/// <param name="Description">From <c>[Description]</c> or the method's <c>&lt;param&gt;</c> doc.</param>
/// <param name="IsRequired">No default value, not nullable.</param>
/// <param name="Default">The C# default value, when declared.</param>
/// <param name="Constraints">DataAnnotations.</param>
/// <param name="Meaning">What the argument means to the host (<c>[TargetResource]</c>, <c>[ResourceCount]</c>).</param>
/// <param name="Narrows">Declared with <c>[Narrows]</c>: narrows or pages the result.</param>
/// <param name="CompletionSource">Declared with <c>[Complete("source")]</c>: where <c>completion/complete</c> finds its values.</param>
internal sealed record ParameterSpec(
    string Name,
    string JsonName,
    ParameterRole Role,
    TypeShape? Type,
    string? Description,
    bool IsRequired,
    DefaultValue? Default,
    Constraints Constraints,
    ArgumentMeaning Meaning = ArgumentMeaning.Plain,
    bool Narrows = false,
    string? CompletionSource = null);
