using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Services.CloudTrail;

/// <summary>LookupEvents' one lookup attribute (CloudTrail accepts at most one); none matches every event.</summary>
internal sealed record TrailLookupAttribute(string? Key, string? Value)
{
    private static readonly string[] Keys = ["EventId", "EventName", "ReadOnly", "Username", "ResourceType", "ResourceName", "EventSource", "AccessKeyId"];

    public static TrailLookupAttribute From(JsonNode? attributes)
    {
        if (attributes is null)
        {
            return new TrailLookupAttribute(null, null);
        }

        if (attributes is not JsonArray list || list.Count > 1)
        {
            throw Invalid("LookupAttributes must be a list of at most one attribute.");
        }

        if (list.Count == 0)
        {
            return new TrailLookupAttribute(null, null);
        }

        var key = Text(list[0]?["AttributeKey"]);
        var value = Text(list[0]?["AttributeValue"]);
        if (key is null || !Keys.Contains(key, StringComparer.Ordinal))
        {
            throw Invalid($"Lookup attribute key {key ?? "(null)"} is not valid; valid keys: {string.Join(", ", Keys)}.");
        }

        if (string.IsNullOrEmpty(value) || value.Length > 2000 || key == "ReadOnly" && value is not ("true" or "false"))
        {
            throw Invalid($"The value of lookup attribute {key} is not valid.");
        }

        return new TrailLookupAttribute(key, value);
    }

    public bool Matches(TrailEvent e) =>
        Key switch
        {
            null => true,
            "EventId" => e.EventId == Value,
            "EventName" => e.EventName == Value,
            "ReadOnly" => (e.ReadOnly ? "true" : "false") == Value,
            "Username" => e.Identity.UserName == Value,
            "ResourceType" => e.Resources.Any(r => r.Type == Value),
            "ResourceName" => e.Resources.Any(r => r.Name == Value),
            "EventSource" => e.EventSource == Value,
            _ => e.Identity.AccessKeyId == Value,
        };

    public override string ToString() => $"{Key}={Value}";

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static SandboxServiceException Invalid(string message) => new(400, "InvalidLookupAttributesException", message);
}
