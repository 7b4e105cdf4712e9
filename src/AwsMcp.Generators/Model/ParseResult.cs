using Microsoft.CodeAnalysis;

namespace AwsMcp.Generators.Model;

/// <summary>
/// The output of the parse transform. <see cref="Spec"/> feeds the cached source pipeline; the rest feeds the
/// diagnostics pipeline and keeps real source locations, so <c>#pragma warning disable</c> works (dotnet/runtime#92509).
/// </summary>
/// <param name="Spec">The tool model, or null when the method has errors.</param>
/// <param name="ToolName">The tool name (for the duplicate-name check), even when the method has errors.</param>
/// <param name="MethodDisplay">The method as shown in messages.</param>
/// <param name="NameLocation">The method name in source.</param>
/// <param name="Diagnostics">What is wrong with the method.</param>
internal sealed record ParseResult(
    ToolSpec? Spec,
    string ToolName,
    string MethodDisplay,
    Location NameLocation,
    EquatableArray<Diagnostic> Diagnostics);
