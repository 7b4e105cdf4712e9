using AwsMcp.Abstractions;
using AwsMcp.Host.ToolCalls;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AwsMcp.Host.Tests.McpSurface;

/// <summary>A pack's <c>[Prompt]</c>s through the real host and the SDK's client: listed from generated schemas, rendered as audited calls.</summary>
public sealed class PromptTests(ConformanceServerFixture fixture) : IClassFixture<ConformanceServerFixture>
{
    [Fact]
    public async Task Prompts_are_listed_with_their_descriptions_and_arguments()
    {
        await using var client = await fixture.ConnectAsync();

        var prompts = (await client.ListPromptsAsync()).ToDictionary(p => p.Name);

        Assert.Equal("A prompt without arguments.", prompts["test_simple_prompt"].Description);
        var arguments = prompts["test_prompt_with_arguments"].ProtocolPrompt.Arguments!;
        Assert.Equal(["arg1", "arg2"], arguments.Select(a => a.Name));
        Assert.All(arguments, a => Assert.True(a.Required));
        Assert.Equal("First test argument.", arguments[0].Description);
        Assert.Equal("resourceUri", Assert.Single(prompts["test_prompt_with_embedded_resource"].ProtocolPrompt.Arguments!).Name);
        Assert.DoesNotContain(await client.ListToolsAsync(), t => t.Name.StartsWith("test_prompt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_prompt_renders_its_arguments_and_is_audited()
    {
        await using var client = await fixture.ConnectAsync();

        var result = await client.GetPromptAsync("test_prompt_with_arguments", new Dictionary<string, object?> { ["arg1"] = "testValue1", ["arg2"] = "testValue2" });

        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Messages).Content).Text;
        Assert.Equal("Prompt with arguments: arg1='testValue1', arg2='testValue2'", text);
        Assert.Contains(fixture.Server.Audit.Records, r => r.Tool == "test_prompt_with_arguments" && r.Feature == ToolKind.Prompt && r.Outcome == ToolCallOutcome.Succeeded);
    }

    [Fact]
    public async Task Prompts_carry_embedded_resources_and_images()
    {
        await using var client = await fixture.ConnectAsync();

        var embedded = await client.GetPromptAsync("test_prompt_with_embedded_resource", new Dictionary<string, object?> { ["resourceUri"] = "test://example-resource" });
        var image = await client.GetPromptAsync("test_prompt_with_image");

        var resource = Assert.IsType<TextResourceContents>(Assert.IsType<EmbeddedResourceBlock>(embedded.Messages[0].Content).Resource);
        Assert.Equal("test://example-resource", resource.Uri);
        Assert.Equal("Embedded resource content for testing.", resource.Text);
        var png = Assert.IsType<ImageContentBlock>(image.Messages[0].Content);
        Assert.Equal("image/png", png.MimeType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.DecodedData.ToArray()[..4]);
        Assert.Equal(Role.User, image.Messages[1].Role);
    }

    [Fact]
    public async Task A_missing_argument_and_an_unknown_prompt_are_errors_that_say_what_to_fix()
    {
        await using var client = await fixture.ConnectAsync();

        var missing = await Assert.ThrowsAsync<McpProtocolException>(() =>
            client.GetPromptAsync("test_prompt_with_arguments", new Dictionary<string, object?> { ["arg1"] = "x" }).AsTask());
        var unknown = await Assert.ThrowsAsync<McpProtocolException>(() => client.GetPromptAsync("test_simple_promt").AsTask());
        var asTool = await Assert.ThrowsAsync<McpProtocolException>(() => client.CallToolAsync("test_simple_prompt", new Dictionary<string, object?>()).AsTask());

        Assert.Equal(McpErrorCode.InvalidParams, missing.ErrorCode);
        Assert.Contains("arg2: is required", missing.Message);
        Assert.Contains("Unknown prompt 'test_simple_promt'", unknown.Message);
        Assert.Contains("test_simple_prompt", unknown.Message);
        Assert.Contains("Unknown tool 'test_simple_prompt'", asTool.Message);
    }

    [Fact]
    public async Task Completions_come_from_the_named_source_filtered_by_what_was_typed()
    {
        await using var client = await fixture.ConnectAsync();

        var values = await client.CompleteAsync(new PromptReference { Name = "test_prompt_with_arguments" }, "arg1", "tes");
        var none = await client.CompleteAsync(new PromptReference { Name = "test_prompt_with_arguments" }, "arg2", "x");
        var regions = await client.CompleteAsync(new PromptReference { Name = "test_region_prompt" }, "region", "");

        Assert.Equal(["test", "testing", "test_value"], values.Completion.Values);
        Assert.Equal(3, values.Completion.Total);
        Assert.Empty(none.Completion.Values);
        Assert.Equal(["eu-west-1", "us-east-1"], regions.Completion.Values);
        Assert.Contains(fixture.Server.Audit.Records, r => r.Tool == "fixture_values" && r.Feature == ToolKind.Completion);
    }
}
