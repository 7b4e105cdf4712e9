using AwsMcp.Abstractions;

namespace ConformancePack;

/// <summary>The suite's tools that answer with each kind of content block.</summary>
[Toolset("conformance")]
public static class ContentTools
{
    /// <summary>Answers with one text block.</summary>
    [Tool("test_simple_text", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    public static Task<string> SimpleTextAsync() => Task.FromResult("This is a simple text response for testing.");

    /// <summary>Answers with a 1x1 PNG image.</summary>
    [Tool("test_image_content", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    public static Task<ToolResult> ImageAsync() => Task.FromResult(ToolResult.FromContent([ToolContent.Image(FixtureData.Png, "image/png")]));

    /// <summary>Answers with a short WAV clip.</summary>
    [Tool("test_audio_content", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    public static Task<ToolResult> AudioAsync() => Task.FromResult(ToolResult.FromContent([ToolContent.Audio(FixtureData.Wav, "audio/wav")]));

    /// <summary>Answers with an embedded text resource.</summary>
    [Tool("test_embedded_resource", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    public static Task<ToolResult> EmbeddedResourceAsync() => Task.FromResult(ToolResult.FromContent(
        [ToolContent.Embedded(ResourceContent.FromText("This is an embedded resource content.", "text/plain", "test://embedded-resource"))]));

    /// <summary>Answers with text, an image, an embedded JSON resource and a link to a resource.</summary>
    [Tool("test_multiple_content_types", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    public static Task<ToolResult> MixedAsync() => Task.FromResult(ToolResult.FromContent(
    [
        ToolContent.FromText("Multiple content types test:"),
        ToolContent.Image(FixtureData.Png, "image/png"),
        ToolContent.Embedded(ResourceContent.FromText("""{"test":"data","value":123}""", "application/json", "test://mixed-content-resource")),
        ToolContent.Link("test://static-text", "static_text", "text/plain"),
    ]));

    /// <summary>Always answers with an error the caller should read.</summary>
    [Tool("test_error_handling", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    public static Task<ToolResult> ErrorAsync() => Task.FromResult(ToolResult.Error("This tool intentionally returns an error for testing"));
}
