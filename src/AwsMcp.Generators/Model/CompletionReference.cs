using Microsoft.CodeAnalysis;

namespace AwsMcp.Generators.Model;

/// <summary>
/// A <c>[Complete("source")]</c> on a parameter, for the assembly-wide check that the source exists. Part of the
/// diagnostics side channel (<see cref="ParseResult"/>), so it keeps the source location.
/// </summary>
/// <param name="Source">The completion source named.</param>
/// <param name="Parameter">The C# parameter name.</param>
/// <param name="MethodDisplay">The method as shown in messages.</param>
/// <param name="Location">The parameter in source.</param>
internal sealed record CompletionReference(string Source, string Parameter, string MethodDisplay, Location Location);
