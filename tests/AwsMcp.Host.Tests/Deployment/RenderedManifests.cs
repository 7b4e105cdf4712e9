using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AwsMcp.Host.Tests.Deployment;

/// <summary>
/// What <c>helm template</c> printed, as JSON objects (one per manifest) to walk in assertions. Plain YAML scalars take
/// the type Kubernetes would read (true, 1654, null); quoted ones stay strings. A duplicate key fails the parse, as
/// the API server's strict decoding would.
/// </summary>
internal sealed class RenderedManifests
{
    private RenderedManifests(IReadOnlyList<JsonObject> objects) => Objects = objects;

    public IReadOnlyList<JsonObject> Objects { get; }

    /// <summary>The server's Deployment (not the in-chart Redis).</summary>
    public JsonObject Server => Single("Deployment", HelmChart.Release);

    /// <summary>The server's pod template spec.</summary>
    public JsonObject ServerPod => Server["spec"]!["template"]!["spec"]!.AsObject();

    public JsonObject ServerContainer => ServerPod["containers"]!.AsArray().Single(c => (string?)c!["name"] == "server")!.AsObject();

    /// <summary>The server container's environment entries, in order.</summary>
    public IReadOnlyList<JsonObject> Env => [.. ServerContainer["env"]!.AsArray().Select(entry => entry!.AsObject())];

    /// <summary>appsettings.Kubernetes.json from the ConfigMap.</summary>
    public JsonObject AppSettings =>
        JsonNode.Parse((string)Single("ConfigMap", HelmChart.Release)["data"]!["appsettings.Kubernetes.json"]!)!.AsObject();

    /// <summary>Every pod template spec the chart renders (server and Redis).</summary>
    public IEnumerable<JsonObject> PodSpecs => OfKind("Deployment").Select(d => d["spec"]!["template"]!["spec"]!.AsObject());

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => (string?)o["kind"] == kind);

    public JsonObject Single(string kind, string name) => OfKind(kind).Single(o => (string?)o["metadata"]!["name"] == name);

    public JsonObject? Find(string kind, string name) => OfKind(kind).SingleOrDefault(o => (string?)o["metadata"]!["name"] == name);

    public static RenderedManifests Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new Parser(new StringReader(yaml)));
        return new RenderedManifests([.. stream.Documents.Select(d => ToJson(d.RootNode)).OfType<JsonObject>()]);
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(child =>
            KeyValuePair.Create(((YamlScalarNode)child.Key).Value ?? "", ToJson(child.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => Plain(scalar.Value ?? ""),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new NotSupportedException($"YAML node {node.NodeType} at {node.Start}"),
    };

    private static JsonNode? Plain(string value) => value switch
    {
        "" or "null" or "~" => null,
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        _ => JsonValue.Create(value),
    };

    public override string ToString() => string.Join("\n---\n", Objects.Select(o => o.ToJsonString(new JsonSerializerOptions { WriteIndented = true })));
}
