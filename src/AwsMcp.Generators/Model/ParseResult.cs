using Microsoft.CodeAnalysis;

namespace AwsMcp.Generators.Model;

/// <summary>
/// The output of the parse transform. <see cref="Spec"/> feeds the cached source pipeline; the rest feeds the
/// diagnostics pipeline and keeps real source locations, so <c>#pragma warning disable</c> works (dotnet/runtime#92509).
/// </summary>
/// <param name="Spec">The tool model, or null when the method has errors.</param>
/// <param name="Kind">The attribute this result was parsed for.</param>
/// <param name="ToolName">
/// The descriptor name (for the duplicate-name check), even when the method has errors; null when the method has more
/// than one kind attribute, so it is neither a descriptor nor claims a name.
/// </param>
/// <param name="MethodDisplay">The method as shown in messages.</param>
/// <param name="NameLocation">The method name in source.</param>
/// <param name="Diagnostics">What is wrong with the method.</param>
/// <param name="Completions">The completion sources its parameters name, checked against the assembly's providers.</param>
internal sealed record ParseResult(
    ToolSpec? Spec,
    ToolKind Kind,
    string? ToolName,
    string MethodDisplay,
    Location NameLocation,
    EquatableArray<Diagnostic> Diagnostics,
    EquatableArray<CompletionReference> Completions);
