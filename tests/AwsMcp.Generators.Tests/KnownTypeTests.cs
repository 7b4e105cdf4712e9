using AwsMcp.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AwsMcp.Generators.Tests;

/// <summary>The types the generator gives a meaning to are recognised as symbols of their own assembly, not by name.</summary>
public sealed class KnownTypeTests
{
    private const string LookAlikes = """
        namespace AwsMcp.Abstractions
        {
            /// <summary>Declared in the plugin under the name of the real one.</summary>
            public sealed class ToolContext { public object? Handle { get; set; } }

            /// <summary>Declared in the plugin under the name of the real one.</summary>
            public sealed class ToolResult { public object? Value { get; set; } }
        }

        namespace Demo
        {
            using System.Threading.Tasks;
            using AwsMcp.Abstractions;

            public static class Tools
            {
                /// <summary>Takes the look-alike context.</summary>
                [Tool]
                public static Task<string> WhoAmI(ToolContext context) => Task.FromResult("me");

                /// <summary>Returns the look-alike result.</summary>
                [Tool]
                public static Task<ToolResult> Echo() => Task.FromResult(new ToolResult());
            }
        }
        """;

    [Fact]
    public void LookAlikeOfAKnownType_IsBoundAsAPlainType()
    {
        GeneratorResult result = GeneratorHarness.Run(LookAlikes);

        // Taken for the real ones, the context would be injected and the result passed through; as plain types they
        // are an argument and a structured result, whose object members the generator refuses.
        Assert.Collection(
            result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).OrderBy(d => d.Id, StringComparer.Ordinal),
            d =>
            {
                Assert.Equal("AWSMCP001", d.Id);
                Assert.Contains("'context'", d.GetMessage(), StringComparison.Ordinal);
            },
            d =>
            {
                Assert.Equal("AWSMCP010", d.Id);
                Assert.Contains("Demo.Tools.Echo", d.GetMessage(), StringComparison.Ordinal);
            });
    }
}
