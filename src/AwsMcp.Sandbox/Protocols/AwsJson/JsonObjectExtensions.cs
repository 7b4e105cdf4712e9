using System.Text.Json.Nodes;

namespace AwsMcp.Sandbox.Protocols.AwsJson;

/// <summary>JSON helpers for AWS bodies, where absent optional members are left out rather than sent as null.</summary>
public static class JsonObjectExtensions
{
    public static JsonObject WithoutNulls(this JsonObject value)
    {
        foreach (var name in value.Where(pair => pair.Value is null).Select(pair => pair.Key).ToList())
        {
            value.Remove(name);
        }

        return value;
    }
}
