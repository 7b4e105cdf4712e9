using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AwsMcp.Host.ToolCalls.Confirmation;

/// <summary>
/// The <c>confirmation_token</c> argument the host adds to every destructive tool: advertised in the tool's input
/// schema so that strict clients (Copilot Studio) may send it, and split off before the tool's own arguments are
/// validated, hashed or bound.
/// </summary>
public static class ConfirmationArgument
{
    public const string Name = "confirmation_token";

    private const string Description =
        "Leave empty on the first call: the server answers with a plan and a token. After the user has approved the plan, " +
        "call again with the same arguments and this token to make the change.";

    /// <summary>The tool's arguments without the token, and the token (null when absent or not a string).</summary>
    public static (JsonElement Arguments, string? Token) Split(JsonElement arguments)
    {
        if (arguments.ValueKind != JsonValueKind.Object || !arguments.TryGetProperty(Name, out var token))
        {
            return (arguments, null);
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in arguments.EnumerateObject().Where(p => p.Name != Name))
            {
                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        using var rest = JsonDocument.Parse(buffer.WrittenMemory);
        return (rest.RootElement.Clone(), token.ValueKind == JsonValueKind.String && token.GetString() is { Length: > 0 } value ? value : null);
    }

    /// <summary><paramref name="inputSchema"/> with an optional <c>confirmation_token</c> string property added.</summary>
    public static JsonElement AddTo(JsonElement inputSchema)
    {
        var schema = JsonNode.Parse(inputSchema.GetRawText())!.AsObject();
        if (schema["properties"] is not JsonObject properties)
        {
            properties = [];
            schema["properties"] = properties;
        }

        properties[Name] = new JsonObject { ["type"] = "string", ["description"] = Description };
        using var document = JsonDocument.Parse(schema.ToJsonString());
        return document.RootElement.Clone();
    }
}
