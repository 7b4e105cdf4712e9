using AwsMcp.Abstractions;

namespace ConformancePack;

/// <summary>The suite's prompts, and the completion source of their arguments.</summary>
[Toolset("conformance")]
public static class FixturePrompts
{
    /// <summary>A prompt without arguments.</summary>
    [Prompt("test_simple_prompt", Title = "Simple prompt")]
    public static string Simple() => "This is a simple prompt for testing.";

    /// <summary>A prompt with two required arguments.</summary>
    /// <param name="arg1">First test argument.</param>
    /// <param name="arg2">Second test argument.</param>
    [Prompt("test_prompt_with_arguments", Title = "Prompt with arguments")]
    public static string WithArguments([Complete("fixture_values")] string arg1, string arg2) => $"Prompt with arguments: arg1='{arg1}', arg2='{arg2}'";

    /// <summary>A prompt that embeds a resource.</summary>
    /// <param name="resourceUri">URI of the resource to embed.</param>
    [Prompt("test_prompt_with_embedded_resource", Title = "Prompt with an embedded resource")]
    public static PromptResult WithEmbeddedResource([ArgumentName("resourceUri")] string resourceUri) => new(
    [
        new PromptMessage(PromptRole.User, ToolContent.Embedded(ResourceContent.FromText("Embedded resource content for testing.", "text/plain", resourceUri))),
        PromptMessage.User("Please process the embedded resource above."),
    ]);

    /// <summary>A prompt that shows an image.</summary>
    [Prompt("test_prompt_with_image", Title = "Prompt with an image")]
    public static PromptResult WithImage() => new(
    [
        new PromptMessage(PromptRole.User, ToolContent.Image(FixtureData.Png, "image/png")),
        PromptMessage.User("Please analyze the image above."),
    ]);

    /// <summary>A prompt about one region, completed from the regions the server allows (not one of the suite's).</summary>
    /// <param name="region">The AWS region to review.</param>
    [Prompt("test_region_prompt", Title = "Prompt for a region")]
    public static string ForRegion([Complete(CompletionSources.Regions)] string region) => $"Review what runs in {region}.";

    /// <summary>Values for the prompts' first argument.</summary>
    /// <param name="prefix">What the user typed so far.</param>
    [Completion("fixture_values")]
    public static IReadOnlyList<string> Values(string prefix) => ["test", "testing", "test_value", "other"];
}
