using AwsMcp.Abstractions;

namespace ConformancePack;

/// <summary>The suite's resources and resource template.</summary>
[Toolset("conformance")]
public static class FixtureResources
{
    private static int _reads;

    /// <summary>A fixed text resource.</summary>
    [Resource("test://static-text", Title = "Static text", MimeType = "text/plain")]
    public static string StaticText() => "This is the content of the static text resource.";

    /// <summary>A fixed binary resource (a 1x1 PNG).</summary>
    [Resource("test://static-binary", Title = "Static binary", MimeType = "image/png")]
    public static byte[] StaticBinary() => FixtureData.Png;

    /// <summary>A resource that changes every time it is read, for subscriptions.</summary>
    [Resource("test://watched-resource", Title = "Watched resource", MimeType = "text/plain", Subscribable = true)]
    public static string Watched() => $"Watched resource content, read {Interlocked.Increment(ref _reads)} time(s).";

    /// <summary>Data for one id.</summary>
    /// <param name="id">The id to read.</param>
    [ResourceTemplate("test://template/{id}/data", Title = "Template data", MimeType = "application/json")]
    public static string TemplateData(string id) => $$"""{"id":"{{id}}","templateTest":true,"data":"Data for ID: {{id}}"}""";
}
