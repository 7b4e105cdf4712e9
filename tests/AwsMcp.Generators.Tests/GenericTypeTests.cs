using AwsMcp.Abstractions;
using AwsMcp.Generators.Tests.Infrastructure;
using Xunit;

namespace AwsMcp.Generators.Tests;

/// <summary>Round trips of closed generic argument and result types (see <see cref="TestSources.Generics"/>).</summary>
public sealed class GenericTypeTests : IClassFixture<GenericTypeTests.Plugin>
{
    private readonly LoadedToolPack _pack;

    public GenericTypeTests(Plugin plugin) => _pack = plugin.Pack;

    [Fact]
    public async Task Page_WritesItsComputedPropertyAfterThePositionalOnes()
    {
        Assert.Equal("""{"items":[{"name":"a"},{"name":"b"}],"next_token":"2","has_more":true}""", (await _pack.InvokeAsync("list_items", "{}")).Text);
        Assert.Equal("""{"items":[{"name":"a"},{"name":"b"}],"has_more":false}""", (await _pack.InvokeAsync("list_items", """{ "next_token": "2" }""")).Text);
        Assert.Equal("""{"items":[{"first":"x","second":1}],"has_more":false}""", (await _pack.InvokeAsync("list_pairs", "{}")).Text);
    }

    [Fact]
    public async Task TwoClosedTypesOfOneGeneric_BindAndWriteEachTheirOwnWay()
    {
        Assert.Equal("""{"first":"b","second":1}""", (await _pack.InvokeAsync("swap", """{ "pair": { "first": 1, "second": "b" } }""")).Text);
    }

    [Fact]
    public async Task NestedConstructionsOfOneGeneric_Bind()
    {
        Assert.Equal("""{"value":{"value":2}}""", (await _pack.InvokeAsync("count", """{ "words": { "value": { "value": ["a", "b"] } } }""")).Text);
        Assert.Equal(
            """{"first":[{"name":"a"},{"name":"b"}],"second":2}""",
            (await _pack.InvokeAsync("flatten", """{ "pages": [{ "items": ["a"] }, { "items": ["b"], "next_token": null }] }""")).Text);
    }

    [Fact]
    public async Task ClosedTypeProblems_NameTheMemberPath()
    {
        var error = await Assert.ThrowsAsync<ToolArgumentException>(() => _pack.InvokeAsync("swap", """{ "pair": { "first": "one", "second": "b" } }"""));

        Assert.Contains("pair.first", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The plugin under test, compiled once for the class.</summary>
    public sealed class Plugin() : CompiledPluginFixture(TestSources.Generics);
}
