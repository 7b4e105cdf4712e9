using System.Collections;
using System.Reflection;
using AwsMcp.Generators.Model;
using AwsMcp.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace AwsMcp.Generators.Tests;

public sealed class IncrementalTests
{
    private static readonly IncrementalStepRunReason[] s_reused = [IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged];

    /// <summary>The sources the incrementality tests run on: tools, and every other kind.</summary>
    public static TheoryData<string> Sources => [nameof(TestSources.Representative), nameof(TestSources.Features)];

    [Theory]
    [MemberData(nameof(Sources))]
    public void UnrelatedEdit_ReusesEveryModelAndOutput(string source)
    {
        CSharpCompilation first = GeneratorHarness.CreateCompilation(Source(source));
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(first);

        CSharpCompilation second = first.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Demo; public class Unrelated { }", GeneratorHarness.ParseOptions, "/src/Unrelated.cs"));
        GeneratorRunResult run = driver.RunGenerators(second).GetRunResult().Results.Single();

        AssertReasons(run, TrackingNames.Parse, s_reused);
        AssertReasons(run, TrackingNames.Spec, s_reused);
        AssertReasons(run, TrackingNames.JsonHelpers, s_reused);
        AssertReasons(run, TrackingNames.Registration, s_reused);
        Assert.All(run.TrackedOutputSteps.SelectMany(kv => kv.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void EditInsideAToolBody_RegeneratesNothing()
    {
        CSharpCompilation first = GeneratorHarness.CreateCompilation(TestSources.Representative);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(first);

        // A new body and shifted positions: the parse output (which carries locations) changes, the models do not.
        SyntaxTree old = first.SyntaxTrees.Single();
        string edited = "// shifts every span\n" + TestSources.Representative.Replace("Task.FromResult(context.Caller.Id)", "Task.FromResult(context.Caller.Id + \"!\")", StringComparison.Ordinal);
        GeneratorRunResult run = driver.RunGenerators(first.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(edited, GeneratorHarness.ParseOptions, old.FilePath))).GetRunResult().Results.Single();

        AssertReasons(run, TrackingNames.Spec, s_reused);
        AssertReasons(run, TrackingNames.JsonHelpers, s_reused);
        AssertReasons(run, TrackingNames.Registration, s_reused);
        Assert.All(
            run.TrackedOutputSteps["SourceOutput"].SelectMany(s => s.Outputs).Where(o => o.Value is ToolSpec or JsonHelperSet or (EquatableArray<RegistrationEntry>, string)),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Theory]
    [InlineData("[Tool] public static Task<string> PingAsync() => Task.FromResult(\"pong\");")]
    [InlineData("[Prompt] public static string Ping(string target) => \"ping \" + target;")]
    [InlineData("[ResourceTemplate(\"ping://{target}\")] public static Task<string> PingAsync(string target) => Task.FromResult(target);")]
    public void NewTool_IsTheOnlyNewModel(string method)
    {
        CSharpCompilation first = GeneratorHarness.CreateCompilation(TestSources.Representative);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(first);

        CSharpCompilation second = first.AddSyntaxTrees(CSharpSyntaxTree.ParseText($$"""
            using System.Threading.Tasks;
            using AwsMcp.Abstractions;
            namespace Demo;
            public static class MoreTools
            {
                /// <summary>Pings.</summary>
                {{method}}
            }
            """, GeneratorHarness.ParseOptions, "/src/MoreTools.cs"));
        GeneratorRunResult run = driver.RunGenerators(second).GetRunResult().Results.Single();

        List<IncrementalStepRunReason> specs = [.. run.TrackedSteps[TrackingNames.Spec].SelectMany(s => s.Outputs).Select(o => o.Reason)];
        Assert.Equal(1, specs.Count(r => r == IncrementalStepRunReason.New));
        Assert.All(specs.Where(r => r != IncrementalStepRunReason.New), r => Assert.Contains(r, s_reused));
        AssertReasons(run, TrackingNames.Registration, [IncrementalStepRunReason.Modified]);
        // The new tool reads and writes no enum or object, so the shared readers and writers stay as they were.
        AssertReasons(run, TrackingNames.JsonHelpers, s_reused);
    }

    [Fact]
    public void PipelineModels_HoldNoSymbolsSyntaxOrCompilation()
    {
        GeneratorRunResult run = GeneratorHarness.Run(TestSources.Representative, TestSources.Features).RunResult;

        foreach (string step in new[] { TrackingNames.Spec, TrackingNames.JsonHelpers, TrackingNames.Registration, TrackingNames.AssemblyName })
        {
            foreach ((object value, _) in run.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                AssertHoldsNoCompilerObjects(value);
            }
        }
    }

    [Fact]
    public void SameSource_ProducesEqualModels()
    {
        ToolSpec[] first = Specs(GeneratorHarness.Run(TestSources.Representative, TestSources.Features));
        ToolSpec[] second = Specs(GeneratorHarness.Run(TestSources.Representative, TestSources.Features));

        Assert.Equal(first, second);
    }

    private static string Source(string name) => name == nameof(TestSources.Features) ? TestSources.Features : TestSources.Representative;

    private static ToolSpec[] Specs(GeneratorResult result) =>
        [.. result.RunResult.TrackedSteps[TrackingNames.Spec].SelectMany(s => s.Outputs).Select(o => (ToolSpec)o.Value)];

    private static void AssertReasons(GeneratorRunResult run, string step, IncrementalStepRunReason[] allowed)
    {
        Assert.True(run.TrackedSteps.ContainsKey(step), $"step '{step}' was not tracked; tracked: {string.Join(", ", run.TrackedSteps.Keys)}");
        List<IncrementalStepRunReason> reasons = [.. run.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason)];
        Assert.NotEmpty(reasons);
        Assert.All(reasons, reason => Assert.Contains(reason, allowed));
    }

    /// <summary>Walks the object graph (as dotnet/runtime's STJ generator tests do): a cached model must not root a compilation.</summary>
    private static void AssertHoldsNoCompilerObjects(object root)
    {
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>([root]);
        while (pending.TryPop(out object? node))
        {
            if (!visited.Add(node))
            {
                continue;
            }

            Assert.False(
                node is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel or Location or Diagnostic,
                $"the pipeline model holds a {node.GetType()}");
            Type type = node.GetType();
            if (type.IsPrimitive || type.IsEnum || node is string)
            {
                continue;
            }

            if (node is IEnumerable items)
            {
                foreach (object? item in items)
                {
                    Push(item);
                }
            }

            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                Push(field.GetValue(node));
            }
        }

        void Push(object? value)
        {
            if (value is not null)
            {
                pending.Push(value);
            }
        }
    }
}
