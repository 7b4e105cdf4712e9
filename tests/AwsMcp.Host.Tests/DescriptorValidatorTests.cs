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
    public async Task Rejects_descriptors_clients_cannot_use(string name, string schema, string reason)
    {
        var failure = await Assert.ThrowsAsync<PluginLoadException>(() => DescriptorValidator.ValidateAsync("P", [Descriptor(name, schema)], CancellationToken.None));

        Assert.Equal(PluginLoadStages.ValidateDescriptors, failure.Stage);
        Assert.Contains($"tool '{name}'", failure.Message);
        Assert.Contains(reason, failure.Message);
    }

    [Fact]
    public async Task Accepts_a_good_descriptor_and_compiles_its_schema_once()
    {
        var tool = Assert.Single(await DescriptorValidator.ValidateAsync("P", [Descriptor("echo_2", Ok)], CancellationToken.None));

        Assert.Equal("P", tool.PluginName);
        Assert.Single(tool.ArgumentSchema.Validate("""{"text":1}"""));
        Assert.Equal(JsonValueKind.Object, tool.InputSchema.ValueKind);
    }

    [Fact]
    public async Task Rejects_a_tool_declared_twice()
    {
        var failure = await Assert.ThrowsAsync<PluginLoadException>(() =>
            DescriptorValidator.ValidateAsync("P", [Descriptor("echo", Ok), Descriptor("echo", Ok)], CancellationToken.None));

        Assert.Contains("declared twice", failure.Message);
    }

    private static ToolDescriptor Descriptor(string name, string schema) => new(
        name, null, "Does something.", schema, null, new ToolAnnotations(true, false, true, true), "Tests.Tool", (_, _, _) => ValueTask.FromResult(new ToolResult("ok")));
}
