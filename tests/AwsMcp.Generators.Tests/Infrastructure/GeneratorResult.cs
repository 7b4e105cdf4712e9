using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AwsMcp.Generators.Tests.Infrastructure;

/// <summary>One generator run: the driver (for tracked steps), the compilation with generated code, and the generator's diagnostics.</summary>
internal sealed record GeneratorResult(GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> Diagnostics)
{
    public GeneratorRunResult RunResult => Driver.GetRunResult().Results.Single();

    /// <summary>Compiler errors in the input plus generated code: generated code must always compile.</summary>
    public IReadOnlyList<Diagnostic> CompilationErrors =>
        [.. Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];

    /// <summary>Warnings in generated files: plugins build with warnings as errors, so there must be none.</summary>
    public IReadOnlyList<Diagnostic> GeneratedCodeWarnings =>
        [.. Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true)];
}
