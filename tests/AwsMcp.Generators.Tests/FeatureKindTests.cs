using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Generators.Tests.Infrastructure;
using AwsMcp.Sandbox.Testing;
using Xunit;

namespace AwsMcp.Generators.Tests;

/// <summary>
/// Compiles prompts, resources, resource templates and completion providers with the generated code, loads them and
/// checks their descriptors and what their binders and invokers do with the JSON arguments the host sends.
/// </summary>
public sealed class FeatureKindTests : IClassFixture<FeatureKindTests.Plugin>
{
    private readonly LoadedToolPack _pack;

    public FeatureKindTests(Plugin plugin) => _pack = plugin.Pack;

    [Fact]
    public void Descriptors_DeclareTheirKindUriMimeTypeAndSubscription()
    {
        Assert.Equal(
            [
                ("account_summary", ToolKind.Resource, "aws://iam/account-summary", "application/json", true),
                ("buckets", ToolKind.Completion, null, null, false),
                ("cost_review", ToolKind.Prompt, null, null, false),
                ("describe_bucket", ToolKind.Tool, null, null, false),
                ("log_stream_bytes", ToolKind.ResourceTemplate, "logs://{group}/{stream}", "text/x-log", false),
                ("logo", ToolKind.Resource, "aws://demo/logo.png", "application/octet-stream", false),
                ("s3_object", ToolKind.ResourceTemplate, "aws://s3/{region}/{bucket}/{+key}", null, false),
                ("services", ToolKind.Completion, null, null, false),
                ("triage_incident", ToolKind.Prompt, null, null, false),
            ],
            _pack.Tools.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => (t.Name, t.Kind, t.Uri, t.MimeType, t.Subscribable)));

        ToolDescriptor triage = _pack["triage_incident"];
        Assert.Equal(("Triage an incident", "Starts an incident triage.", "ops"), (triage.Title, triage.Description, triage.Toolset));
        Assert.All(
            _pack.Tools.Where(t => t.Kind != ToolKind.Tool),
            t => Assert.Equal(new ToolAnnotations(ReadOnly: true, Destructive: false, Idempotent: true, OpenWorld: true), t.Annotations));
    }

    [Fact]
    public void Roles_MapCompletedArgumentsToTheirSources_AndATemplatesRegionVariable()
    {
        Assert.Equal(new Dictionary<string, string> { ["region"] = "regions" }, _pack["triage_incident"].Roles.Completions);
        Assert.Equal(new Dictionary<string, string> { ["bucket"] = "buckets" }, _pack["cost_review"].Roles.Completions);
        Assert.Equal(new Dictionary<string, string> { ["bucket"] = "buckets" }, _pack["s3_object"].Roles.Completions);
        Assert.Equal(new Dictionary<string, string> { ["bucket"] = "buckets" }, _pack["describe_bucket"].Roles.Completions);
        Assert.Empty(_pack["logo"].Roles.Completions);

        // [AwsTarget] on the class adds no target argument to these kinds; a template's {region} is its region.
        Assert.Equal("region", _pack["s3_object"].Roles.Region);
        Assert.All(
            _pack.Tools.Where(t => t.Name != "s3_object"),
            t => Assert.Equal(((string?)null, (string?)null), (t.Roles.Region, t.Roles.Account)));
        Assert.Equal(["service", "urgency", "region"], PropertyNames(_pack["triage_incident"]));
        Assert.Equal(["region", "bucket", "key"], PropertyNames(_pack["s3_object"]));
        Assert.Empty(PropertyNames(_pack["account_summary"]));
        Assert.Equal(["prefix"], PropertyNames(_pack["buckets"]));
        Assert.Equal(["typed"], PropertyNames(_pack["services"]));
    }

    [Fact]
    public async Task Prompt_WithAnEnumArgument_RendersItsMessages()
    {
        ToolResult result = await _pack.InvokeAsync("triage_incident", """{ "service": "checkout", "urgency": "high" }""");

        PromptResult prompt = Assert.IsType<PromptResult>(result.Prompt);
        Assert.Equal("triage of checkout", prompt.Description);
        Assert.Equal(
            [(PromptRole.User, "Triage checkout (High) in every region."), (PromptRole.Assistant, "Which alarms fired?")],
            prompt.Messages.Select(m => (m.Role, Assert.IsType<TextContent>(m.Content).Text)));
        Assert.Equal("Triage checkout (High) in every region.\nWhich alarms fired?", result.Text);
        Assert.False(result.IsError);
    }

    [Fact]
    public async Task Prompt_ReturningAString_IsOneUserMessage()
    {
        ToolResult result = await _pack.InvokeAsync("cost_review", """{ "bucket": "beta" }""");

        PromptMessage message = Assert.Single(result.Prompt!.Messages);
        Assert.Equal((PromptRole.User, "Review the cost of beta for local."), (message.Role, Assert.IsType<TextContent>(message.Content).Text));
        Assert.Equal("Review the cost of all for local.", (await _pack.InvokeAsync("cost_review", "{}")).Text);
    }

    [Fact]
    public async Task Template_BindsItsVariablesFromTheArguments()
    {
        BoundToolCall bound = Bind("s3_object", """{ "region": "eu-west-1", "bucket": "alpha-logs", "key": "2026/01/app.log" }""");
        Assert.Equal("eu-west-1", bound.Region);
        Assert.Null(bound.Account);

        ToolResult result = await bound.InvokeAsync(SandboxToolContext.Call("s3_object", region: "eu-west-1"), CancellationToken.None);
        ResourceContent content = Assert.IsType<EmbeddedResourceContent>(Assert.Single(result.Content)).Resource;
        Assert.Equal(("alpha-logs/2026/01/app.log in eu-west-1 (eu-west-1)", "text/markdown"), (content.Text, content.MimeType));

        ToolResult log = await _pack.InvokeAsync("log_stream_bytes", """{ "group": "web", "stream": "access_log" }""");
        ResourceContent bytes = Assert.IsType<EmbeddedResourceContent>(Assert.Single(log.Content)).Resource;
        Assert.Equal([3, 1], bytes.Blob!.Value.ToArray());
        Assert.Equal("text/x-log", bytes.MimeType);
    }

    [Theory]
    [InlineData("s3_object", """{ "region": "eu-west-1", "bucket": "b" }""", "key", "is required")]
    [InlineData("s3_object", """{ "region": "Europe", "bucket": "b", "key": "k" }""", "region", "does not match")]
    [InlineData("s3_object", """{ "region": "eu-west-1", "bucket": "b", "key": "k", "version": "2" }""", "version", "unknown property")]
    [InlineData("s3_object", """{ "region": "eu-west-1", "bucket": 7, "key": "k" }""", "bucket", "expected a string")]
    [InlineData("log_stream_bytes", """{ "group": "web", "stream": "errors" }""", "stream", "'errors' is not allowed")]
    [InlineData("triage_incident", """{ "service": "checkout", "urgency": "High" }""", "urgency", "'High' is not allowed")]
    [InlineData("triage_incident", """{ "urgency": "low" }""", "service", "is required")]
    [InlineData("buckets", """{ "text": "a" }""", "text", "unknown property")]
    [InlineData("account_summary", """{ "uri": "aws://iam/account-summary" }""", "uri", "unknown property")]
    public void BadArguments_AreRefused_NamingTheField(string name, string arguments, string path, string reason)
    {
        ToolArgumentException error = Assert.Throws<ToolArgumentException>(() => Bind(name, arguments));

        Assert.Equal(path, error.Path);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resources_AreTextOrBytesOfTheirMimeType()
    {
        ToolResult summary = await _pack.InvokeAsync("account_summary", "{}");
        ResourceContent text = Assert.IsType<EmbeddedResourceContent>(Assert.Single(summary.Content)).Resource;
        Assert.Equal(("""{"plugin":"TestPlugin"}""", "application/json", (string?)null), (text.Text, text.MimeType, text.Uri));
        Assert.Equal("""{"plugin":"TestPlugin"}""", summary.Text);

        ToolResult logo = await _pack.InvokeAsync("logo", "{}");
        ResourceContent bytes = Assert.IsType<EmbeddedResourceContent>(Assert.Single(logo.Content)).Resource;
        Assert.Equal([1, 2, 3], bytes.Blob!.Value.ToArray());
        Assert.Equal("application/octet-stream", bytes.MimeType);
    }

    [Fact]
    public async Task CompletionProviders_ReturnTheirValuesAsAToolReturningTheListWould()
    {
        ToolResult buckets = await _pack.InvokeAsync("buckets", """{ "prefix": "alpha" }""");
        Assert.Equal("""{"result":["alpha-logs","alpha-data"]}""", buckets.Text);
        Assert.Equal(["alpha-logs", "alpha-data"], buckets.Structured!.Value.GetProperty("result").EnumerateArray().Select(v => v.GetString()));
        Assert.NotNull(_pack["buckets"].OutputSchemaJson);

        Assert.Equal("""{"result":["ec2","s3","x"]}""", (await _pack.InvokeAsync("services", """{ "typed": "x" }""")).Text);
    }

    private BoundToolCall Bind(string name, string arguments)
    {
        using JsonDocument document = JsonDocument.Parse(arguments);
        return _pack[name].Binder!(document.RootElement.Clone());
    }

    private static string[] PropertyNames(ToolDescriptor descriptor)
    {
        using JsonDocument schema = JsonDocument.Parse(descriptor.InputSchemaJson);
        return [.. schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name)];
    }

    /// <summary>The plugin under test, compiled once for the class.</summary>
    public sealed class Plugin() : CompiledPluginFixture(TestSources.Features);
}
