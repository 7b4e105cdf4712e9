using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Generators.Tests.Infrastructure;
using Xunit;

namespace AwsMcp.Generators.Tests;

/// <summary>Compiles the representative tools with the generated code, loads them and calls the generated invokers.</summary>
public sealed class RoundTripTests : IClassFixture<RoundTripTests.Plugin>
{
    private readonly LoadedToolPack _pack;

    public RoundTripTests(Plugin plugin) => _pack = plugin.Pack;

    [Fact]
    public void Registration_CreatesEveryTool()
    {
        Assert.Equal(
            ["count_instances", "echo", "list_orders", "reboot", "search_instances", "who_am_i"],
            _pack.Tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        ToolDescriptor search = _pack["search_instances"];
        Assert.Equal("Search instances", search.Title);
        Assert.Equal("Searches instances.", search.Description);
        Assert.Equal(new ToolAnnotations(ReadOnly: true, Destructive: false, Idempotent: true, OpenWorld: true), search.Annotations);
        Assert.Equal("Demo.SearchTools.SearchInstancesAsync", search.SourceMethod);
        Assert.Equal(new ToolAnnotations(ReadOnly: false, Destructive: true, Idempotent: false, OpenWorld: false), _pack["reboot"].Annotations);
    }

    [Fact]
    public async Task ValidArguments_BindNestedObjectsEnumsAndDefaults()
    {
        ToolResult result = await _pack.InvokeAsync("search_instances", """
            {
              "filters": [{ "name": "instance-type", "values": ["t3.micro", "t3.small"] }],
              "scope": { "regions": ["eu-west-1", "us-east-1"], "tags": { "env": "prod" } },
              "order": "by_name",
              "since": "2026-01-02T03:04:05+00:00"
            }
            """);

        Assert.False(result.IsError);
        JsonElement item = result.Structured!.Value.GetProperty("items")[0];
        Assert.Equal("instance-type=t3.micro|t3.small", item.GetProperty("id").GetString());
        Assert.Equal("by_name", item.GetProperty("order").GetString());
        Assert.Equal(2, item.GetProperty("cpu_count").GetInt32());
        // Timestamps are written in UTC, shortest: no fractional seconds when there are none.
        Assert.Equal("2026-01-02T03:04:05Z", item.GetProperty("launched_at").GetString());
        // The tool holder was created with the ToolPackContext; the structured JSON is also the text.
        Assert.Equal("TestPlugin", result.Structured.Value.GetProperty("next_token").GetString());
        Assert.Equal(result.Structured.Value.GetRawText(), result.Text);
    }

    [Fact]
    public async Task OptionalArguments_NullMeansNotGiven()
    {
        ToolResult result = await _pack.InvokeAsync("search_instances", """{ "filters": [], "scope": null, "order": null, "next_token": "abc" }""");

        Assert.Equal("""{"items":[],"next_token":"abc"}""", result.Text);
    }

    [Fact]
    public async Task ResultKinds_TextCompletionPassthroughAndWrapped()
    {
        Assert.Equal("local", (await _pack.InvokeAsync("who_am_i", "{}")).Text);
        Assert.Equal("ok", (await _pack.InvokeAsync("reboot", """{ "instance_ids": ["i-1"] }""")).Text);
        Assert.Equal("""{"a":1}:Newest,ByName""", (await _pack.InvokeAsync("echo", """{ "document": {"a":1}, "labels": ["newest", "by_name"] }""")).Text);
        Assert.Equal("""{"result":["newest","by_name"]}""", (await _pack.InvokeAsync("list_orders", "{}")).Text);
        ToolResult count = await _pack.InvokeAsync("count_instances", """{ "owner": "team", "ratio": 1 }""");
        Assert.Equal(40, count.Structured!.Value.GetProperty("result").GetInt64());
    }

    [Theory]
    [InlineData("""{ "filters": [{ "name": "a", "values": ["x"] }, { "name": "b", "values": ["x"] }, { "values": ["x"] }] }""", "filters[2].name", "is required")]
    [InlineData("""{ }""", "filters", "is required")]
    [InlineData("""{ "filters": "all" }""", "filters", "expected an array")]
    [InlineData("""{ "filters": [], "max_results": "many" }""", "max_results", "expected a 32-bit integer")]
    [InlineData("""{ "filters": [], "unknown": 1 }""", "unknown", "unknown property")]
    [InlineData("""{ "filters": [], "scope": { "regions": [], "region": "x" } }""", "scope.region", "unknown property")]
    [InlineData("""{ "filters": [], "order": "fastest" }""", "order", "'fastest' is not allowed")]
    [InlineData("""{ "filters": [], "max_results": 1000 }""", "max_results", "out of range")]
    [InlineData("""{ "filters": [{ "name": "Bad Name", "values": ["x"] }] }""", "filters[0].name", "does not match")]
    [InlineData("""{ "filters": [{ "name": "a", "values": [] }] }""", "filters[0].values", "has 0 items")]
    [InlineData("""{ "filters": [{ "name": null, "values": ["x"] }] }""", "filters[0].name", "must not be null")]
    [InlineData("""{ "filters": [{ "name": "a", "values": ["x", 5] }] }""", "filters[0].values[1]", "expected a string")]
    [InlineData("""{ "filters": [], "scope": { "regions": ["x"], "tags": { "env": 1 } } }""", "scope.tags.env", "expected a string")]
    [InlineData("""[1, 2]""", "arguments", "expected an object")]
    public async Task InvalidArguments_ThrowWithTheArgumentPath(string arguments, string path, string reason)
    {
        ToolArgumentException error = await Assert.ThrowsAsync<ToolArgumentException>(() => _pack.InvokeAsync("search_instances", arguments));

        Assert.Equal(path, error.Path);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "owner": "x" }""", "owner", "has 1 characters")]
    [InlineData("""{ "owner": "team", "ratio": 1.5 }""", "ratio", "out of range")]
    [InlineData("""{ "owner": "team", "id": "not-a-guid" }""", "id", "expected a UUID string")]
    public async Task InvalidScalars_ThrowWithTheArgumentPath(string arguments, string path, string reason)
    {
        ToolArgumentException error = await Assert.ThrowsAsync<ToolArgumentException>(() => _pack.InvokeAsync("count_instances", arguments));

        Assert.Equal(path, error.Path);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StringifiedScalars_AreAccepted()
    {
        ToolResult result = await _pack.InvokeAsync("count_instances", """{ "owner": "team", "ratio": "0.5" }""");

        Assert.Equal(20, result.Structured!.Value.GetProperty("result").GetInt64());
    }

    [Theory]
    [InlineData("5.5")]
    [InlineData("3000000000")]
    public async Task NonIntegralOrOverflowingNumbers_AreRejected(string maxResults)
    {
        ToolArgumentException error = await Assert.ThrowsAsync<ToolArgumentException>(() => _pack.InvokeAsync("search_instances", $$"""{ "filters": [], "max_results": {{maxResults}} }"""));

        Assert.Equal("max_results", error.Path);
        Assert.Contains("expected a 32-bit integer", error.Reason, StringComparison.Ordinal);
    }

    /// <summary>The plugin under test, compiled once for the class.</summary>
    public sealed class Plugin() : CompiledPluginFixture(TestSources.Representative);
}
