using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Host.Plugins;

namespace AwsMcp.Host.Tests;

/// <summary>Descriptors are checked before anything is served; one bad tool fails its plugin with a reason naming it.</summary>
public sealed class DescriptorValidatorTests
{
    private const string Ok = """{"type":"object","properties":{"text":{"type":"string"}}}""";

    [Theory]
    [InlineData("Echo", Ok, "invalid name")]
    [InlineData("a-b", Ok, "invalid name")]
    [InlineData("echo", """{"type":"string"}""", "must be an object schema")]
    [InlineData("echo", """{"type":"object",""", "not valid JSON")]
    [InlineData("echo", """{"type":"object","properties":{"a":{"$ref":"#/$defs/x"}},"$defs":{"x":{"type":"string"}}}""", "not Copilot-safe")]
    [InlineData("echo", """{"type":"object","properties":{"a":{"type":["string","null"]}}}""", "not Copilot-safe")]
    public void Rejects_descriptors_clients_cannot_use(string name, string schema, string reason)
    {
        var failure = Assert.Throws<PluginLoadException>(() => DescriptorValidator.Validate("P", [Descriptor(name, schema)], new PluginCalls()));

        Assert.Equal(PluginLoadStages.ValidateDescriptors, failure.Stage);
        Assert.Contains($"tool '{name}'", failure.Message);
        Assert.Contains(reason, failure.Message);
    }

    [Theory]
    [InlineData(ToolKind.Resource, null, "without an absolute URI")]
    [InlineData(ToolKind.Resource, "aws://x/{id}", "without an absolute URI")]
    [InlineData(ToolKind.Resource, "not a uri", "without an absolute URI")]
    [InlineData(ToolKind.ResourceTemplate, "aws://fixed", "without a URI template")]
    [InlineData(ToolKind.Prompt, "aws://x", "has a URI but is not a resource")]
    [InlineData(ToolKind.Tool, "aws://x", "has a URI but is not a resource")]
    public void Resources_need_a_uri_and_nothing_else_has_one(ToolKind kind, string? uri, string reason)
    {
        var descriptor = Descriptor("thing", Ok);
        var failure = Assert.Throws<PluginLoadException>(() => DescriptorValidator.Validate(
            "P", [new ToolDescriptor(descriptor.Name, null, descriptor.Description, Ok, null, descriptor.Annotations, descriptor.SourceMethod, descriptor.Invoker!) { Kind = kind, Uri = uri }], new PluginCalls()));

        Assert.Contains(reason, failure.Message);
    }

    [Fact]
    public void A_hand_built_fan_out_needs_what_the_host_merges_pages_with()
    {
        const string schema = """{"type":"object","properties":{"regions":{"type":"array","items":{"type":"string"}},"limit":{"type":"integer"},"next_token":{"type":"string"}}}""";
        var descriptor = Descriptor("list_things", schema);
        ToolDescriptor WithRoles(ToolArgumentRoles roles) =>
            new(descriptor.Name, null, descriptor.Description, schema, null, new ToolAnnotations(true, false, true, true), descriptor.SourceMethod, descriptor.Invoker!) { Roles = roles };
        var complete = new ToolArgumentRoles { Regions = "regions", PageSize = "limit", PageToken = "next_token", PageItems = "items" };

        Assert.Single(DescriptorValidator.Validate("P", [WithRoles(complete)], new PluginCalls()));
        var unpaged = Assert.Throws<PluginLoadException>(() => DescriptorValidator.Validate("P", [WithRoles(complete with { PageSize = null })], new PluginCalls()));
        Assert.Contains("fans out but is not a read-only tool with a page token, a page size and page items", unpaged.Message, StringComparison.Ordinal);
        var undeclared = Assert.Throws<PluginLoadException>(() => DescriptorValidator.Validate("P", [WithRoles(complete with { Accounts = "accounts" })], new PluginCalls()));
        Assert.Contains("'accounts'", undeclared.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepts_a_hand_built_descriptor_and_validates_its_arguments_against_its_schema()
    {
        const string strict = """{"type":"object","properties":{"text":{"type":"string"}},"additionalProperties":false}""";
        var tool = Assert.Single(DescriptorValidator.Validate("P", [Descriptor("echo_2", strict)], new PluginCalls()));

        Assert.Equal("P", tool.PluginName);
        Assert.Equal(JsonValueKind.Object, tool.InputSchema.ValueKind);
        using var bad = JsonDocument.Parse("""{"text":1,"other":true}""");
        var problems = Assert.Throws<ToolArgumentException>(() => tool.Bind(bad.RootElement)).Problems;
        Assert.Equal(["other", "text"], problems.Select(p => p.Path).Order(StringComparer.Ordinal));

        using var good = JsonDocument.Parse("""{"text":"hi"}""");
        Assert.Equal("ok", (await tool.Bind(good.RootElement).InvokeAsync(null!, CancellationToken.None)).Text);
    }

    [Fact]
    public void A_hand_built_descriptor_declares_its_roles_and_the_host_reads_them()
    {
        const string schema = """{"type":"object","properties":{"ids":{"type":"array","items":{"type":"string"}},"where":{"type":"string"}},"additionalProperties":false}""";
        var descriptor = new ToolDescriptor(
            "stop", null, "Stops.", schema, null, new ToolAnnotations(false, false, true, true), "Tests.Tool", (_, _, _) => ValueTask.FromResult(new ToolResult("ok")))
        {
            Roles = new ToolArgumentRoles { Region = "where", Resources = ["ids"] },
        };
        var tool = Assert.Single(DescriptorValidator.Validate("P", [descriptor], new PluginCalls()));
        using var arguments = JsonDocument.Parse("""{"ids":["a","b","c"],"where":"eu-west-1"}""");

        var bound = tool.Bind(arguments.RootElement);

        Assert.Equal(("eu-west-1", 3), (bound.Region, bound.ResourceCount));
    }

    [Fact]
    public void Rejects_a_role_naming_an_argument_the_schema_lacks()
    {
        var descriptor = new ToolDescriptor(
            "stop", null, "Stops.", Ok, null, new ToolAnnotations(false, false, true, true), "Tests.Tool", (_, _, _) => ValueTask.FromResult(new ToolResult("ok")))
        {
            Roles = new ToolArgumentRoles { Resources = ["instance_ids"] },
        };

        var failure = Assert.Throws<PluginLoadException>(() => DescriptorValidator.Validate("P", [descriptor], new PluginCalls()));

        Assert.Contains("'instance_ids'", failure.Message);
    }

    [Fact]
    public void Rejects_a_tool_declared_twice()
    {
        var failure = Assert.Throws<PluginLoadException>(() =>
            DescriptorValidator.Validate("P", [Descriptor("echo", Ok), Descriptor("echo", Ok)], new PluginCalls()));

        Assert.Contains("declared twice", failure.Message);
    }

    private static ToolDescriptor Descriptor(string name, string schema) => new(
        name, null, "Does something.", schema, null, new ToolAnnotations(true, false, true, true), "Tests.Tool", (_, _, _) => ValueTask.FromResult(new ToolResult("ok")));
}
