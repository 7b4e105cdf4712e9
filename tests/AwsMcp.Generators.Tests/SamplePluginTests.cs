using System.Reflection;
using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Generators.SamplePlugin;
using AwsMcp.Sandbox.Testing;
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
        Assert.Equal(
            ["delete_bucket", "greet", "instance", "instance_ids", "launch_instances", "list_instances", "review_fleet", "settings", "stop_instances"],
            s_tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Lists sample instances.", s_tools.Single(t => t.Name == "list_instances").Description);
    }

    [Fact]
    public async Task Invoke_InstanceToolWithContextConstructor()
    {
        ToolDescriptor tool = s_tools.Single(t => t.Name == "list_instances");
        using JsonDocument arguments = JsonDocument.Parse("""{ "state": "shutting_down", "max_results": 3 }""");
        ToolResult result = await tool.Binder!(arguments.RootElement).InvokeAsync(SandboxToolContext.Call(tool.Name), CancellationToken.None);

        Assert.Equal("""{"instances":[{"instance_id":"i-1","state":"shutting_down","tags":{"plugin":"Sample"}}]}""", result.Text);
    }

    [Fact]
    public void AwsTarget_AddsRegionAndAccountToTheSchemaAndDeclaresRoles()
    {
        ToolDescriptor stop = s_tools.Single(t => t.Name == "stop_instances");
        using JsonDocument schema = JsonDocument.Parse(stop.InputSchemaJson);
        JsonElement properties = schema.RootElement.GetProperty("properties");
        Assert.Equal(["instance_ids", "force", "region", "account"], properties.EnumerateObject().Select(p => p.Name));
        Assert.Equal("^[a-z]{2}(-[a-z]+){1,3}-[0-9]{1,2}$", properties.GetProperty("region").GetProperty("pattern").GetString());
        Assert.Equal(("region", "account", false), (stop.Roles.Region, stop.Roles.Account, stop.Roles.LocatesRegion));
        Assert.Equal(["instance_ids"], stop.Roles.Resources);

        ToolDescriptor delete = s_tools.Single(t => t.Name == "delete_bucket");
        Assert.Equal(((string?)null, "account", true), (delete.Roles.Region, delete.Roles.Account, delete.Roles.LocatesRegion));
        using JsonDocument deleteSchema = JsonDocument.Parse(delete.InputSchemaJson);
        Assert.False(deleteSchema.RootElement.GetProperty("properties").TryGetProperty("region", out _), "a located tool takes no region argument");
    }

    [Fact]
    public async Task Bound_CallReportsTargetResourcesAndCounts_ThenRuns()
    {
        BoundToolCall stop = Bind("stop_instances", """{ "instance_ids": ["i-1", "i-2"], "region": "eu-west-1", "account": "prod" }""");
        Assert.Equal(("eu-west-1", "prod", 2), (stop.Region, stop.Account, stop.ResourceCount));
        Assert.Equal(["i-1", "i-2"], stop.Resources);
        ToolResult stopped = await stop.InvokeAsync(SandboxToolContext.Call("stop_instances"), CancellationToken.None);
        Assert.StartsWith("stopping 2", stopped.Text, StringComparison.Ordinal);

        BoundToolCall launch = Bind("launch_instances", """{ "count": 7, "name": "web" }""");
        Assert.Equal((8, (string?)null), (launch.ResourceCount, launch.Region));

        BoundToolCall delete = Bind("delete_bucket", """{ "bucket_name": "eu-logs" }""");
        Assert.True(delete.LocatesRegion);
        Assert.Equal("eu-west-1", await delete.LocateRegionAsync(SandboxToolContext.Call("delete_bucket")));
    }

    [Fact]
    public void Binder_ReportsEveryProblemAtOnce_WithPaths()
    {
        var error = Assert.Throws<ToolArgumentException>(() => Bind(
            "stop_instances", """{ "instance_ids": ["i-1", 7, null], "force": "maybe", "region": "eu-west-1 ", "account": "a b", "extra": 1 }"""));
        Assert.Equal(
            ["extra", "instance_ids[1]", "instance_ids[2]", "force", "region", "account"],
            error.Problems.Select(p => p.Path));

        var huge = Assert.Throws<ToolArgumentException>(() => Bind("launch_instances", """{ "count": 123456789012345678901234567890 }"""));
        Assert.Equal("count", Assert.Single(huge.Problems).Path);
        Assert.Contains("32-bit integer", huge.Message, StringComparison.Ordinal);

        var surrogate = Assert.Throws<ToolArgumentException>(() => Bind("delete_bucket", """{ "bucket_name": "\ud800" }"""));
        Assert.Equal("bucket_name", Assert.Single(surrogate.Problems).Path);
    }

    [Fact]
    public async Task RealCompiler_GeneratedPromptsResourcesTemplatesAndCompletions()
    {
        Assert.Equal(
            [
                ("instance", ToolKind.ResourceTemplate, "sample://ec2/{region}/{instance_id}", "text/plain", true),
                ("instance_ids", ToolKind.Completion, null, null, false),
                ("review_fleet", ToolKind.Prompt, null, null, false),
                ("settings", ToolKind.Resource, "sample://plugin/settings", "application/json", false),
            ],
            s_tools.Where(t => t.Kind != ToolKind.Tool).OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => (t.Name, t.Kind, t.Uri, t.MimeType, t.Subscribable)));

        ToolResult prompt = await Bind("review_fleet", """{ "state": "shutting_down" }""").InvokeAsync(SandboxToolContext.Call("review_fleet"), CancellationToken.None);
        Assert.Equal("Review the ShuttingDown instances of Sample in every region.", prompt.Text);
        Assert.Equal("regions", s_tools.Single(t => t.Name == "review_fleet").Roles.Completions["region"]);

        ToolResult settings = await Bind("settings", "{}").InvokeAsync(SandboxToolContext.Call("settings"), CancellationToken.None);
        Assert.Equal(("""{"plugin":"Sample"}""", "application/json"), (settings.Text, Assert.IsType<EmbeddedResourceContent>(Assert.Single(settings.Content)).Resource.MimeType));

        BoundToolCall instance = Bind("instance", """{ "region": "eu-west-1", "instance_id": "i-0aa1" }""");
        Assert.Equal("eu-west-1", instance.Region);
        Assert.Equal("i-0aa1 in eu-west-1: running", (await instance.InvokeAsync(SandboxToolContext.Call("instance"), CancellationToken.None)).Text);
        Assert.Equal("instance_ids", s_tools.Single(t => t.Name == "instance").Roles.Completions["instance_id"]);

        ToolResult ids = await Bind("instance_ids", """{ "prefix": "i-0a" }""").InvokeAsync(SandboxToolContext.Call("instance_ids"), CancellationToken.None);
        Assert.Equal("""{"result":["i-0aa1","i-0ab2"]}""", ids.Text);
    }

    private static BoundToolCall Bind(string tool, string arguments)
    {
        using JsonDocument document = JsonDocument.Parse(arguments);
        return s_tools.Single(t => t.Name == tool).Binder!(document.RootElement.Clone());
    }

    private static IReadOnlyList<ToolDescriptor> CreateTools()
    {
        ToolPackAttribute attribute = typeof(InventoryTools).Assembly.GetCustomAttribute<ToolPackAttribute>()!;
        var pack = (IToolPack)Activator.CreateInstance(attribute.RegistrationType)!;
        return pack.CreateTools(new ToolPackContext("Sample", new Dictionary<string, string?>(), NullLoggerFactory.Instance));
    }
}
