using AwsMcp.Abstractions;
using AwsMcp.Generators.Tests.Infrastructure;
using Xunit;

namespace AwsMcp.Generators.Tests;

/// <summary>Round trips of the less common shapes (see <see cref="TestSources.EdgeCases"/>).</summary>
public sealed class EdgeCaseTests : IClassFixture<EdgeCaseTests.Plugin>
{
    private readonly LoadedToolPack _pack;

    public EdgeCaseTests(Plugin plugin) => _pack = plugin.Pack;

    [Fact]
    public async Task OptionalInitOnlyMember_KeepsItsInitializerWhenAbsent()
    {
        ToolResult result = await _pack.InvokeAsync("describe", """{ "options": { "event": "boot" } }""");

        Assert.StartsWith("boot/3/none/-1/-1/", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeywordNamesAndNullableItems_Bind()
    {
        ToolResult result = await _pack.InvokeAsync("describe", """
            { "options": { "event": "boot", "retries": 5, "default": "struct" }, "points": [{ "x": 1, "y": 2 }, null], "scores": [0.5, null, 2] }
            """);

        Assert.StartsWith("boot/5/struct/2/3/", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneHolderInstance_IsSharedByTheCallsOfAToolPack()
    {
        await _pack.InvokeAsync("describe", """{ "options": { "event": "a" } }""");
        ToolResult second = await _pack.InvokeAsync("describe", """{ "options": { "event": "a" } }""");

        Assert.DoesNotMatch("/1$", second.Text);
    }

    [Fact]
    public async Task StructAndNullableResults_AreWrittenAsObjects()
    {
        Assert.Equal("""{"x":-1,"y":2}""", (await _pack.InvokeAsync("mirror_point", """{ "point": { "x": 1, "y": -2 } }""")).Text);
        Assert.Equal("{}", (await _pack.InvokeAsync("maybe", """{ "empty": true }""")).Text);
        Assert.Equal("""{"result":{"event":"e","retries":3,"default":"struct"}}""", (await _pack.InvokeAsync("maybe", """{ "empty": false }""")).Text);
    }

    [Fact]
    public async Task StructWithConstructor_BindsThroughTheConstructor()
    {
        Assert.Equal("""{"result":12}""", (await _pack.InvokeAsync("area", """{ "size": { "width": 3, "height": 4 } }""")).Text);
    }

    [Theory]
    [InlineData("5.0", "1e1", """{"x":-5,"y":-10}""")]
    [InlineData("\"7\"", "-0", """{"x":-7,"y":0}""")]
    public async Task IntegralNumbers_BindToIntegers(string x, string y, string expected)
    {
        ToolResult result = await _pack.InvokeAsync("mirror_point", $$"""{ "point": { "x": {{x}}, "y": {{y}} } }""");

        Assert.Equal(expected, result.Text);
    }

    /// <summary>The plugin under test, compiled once for the class.</summary>
    public sealed class Plugin() : CompiledPluginFixture(TestSources.EdgeCases);
}
