using System.Reflection;
using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Generators.SamplePlugin;
using AwsMcp.Generators.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace AwsMcp.Generators.Tests;

/// <summary>
/// The sample plugin is built by the SDK's compiler with the generator as an analyzer (build/ToolPack.props): this
/// proves the generator loads in the real compiler (Roslyn version) and that the repository wiring works.
/// </summary>
public sealed class SamplePluginTests
{
    private static readonly IReadOnlyList<ToolDescriptor> s_tools = CreateTools();

    [Fact]
    public void RealCompiler_GeneratedTheToolPack()
    {
        Assert.Equal(["greet", "list_instances"], s_tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Lists sample instances.", s_tools.Single(t => t.Name == "list_instances").Description);
    }

    [Fact]
    public async Task Invoke_InstanceToolWithContextConstructor()
    {
        ToolDescriptor tool = s_tools.Single(t => t.Name == "list_instances");
        using JsonDocument arguments = JsonDocument.Parse("""{ "state": "shutting_down", "max_results": 3 }""");
        ToolResult result = await tool.Invoker(arguments.RootElement, TestToolContext.Create(tool.Name), CancellationToken.None);

        Assert.Equal("""{"instances":[{"instance_id":"i-1","state":"shutting_down","tags":{"plugin":"Sample"}}]}""", result.Text);
    }

    private static IReadOnlyList<ToolDescriptor> CreateTools()
    {
        ToolPackAttribute attribute = typeof(InventoryTools).Assembly.GetCustomAttribute<ToolPackAttribute>()!;
        var pack = (IToolPack)Activator.CreateInstance(attribute.RegistrationType)!;
        return pack.CreateTools(new ToolPackContext("Sample", new Dictionary<string, string?>(), NullLoggerFactory.Instance));
    }
}
