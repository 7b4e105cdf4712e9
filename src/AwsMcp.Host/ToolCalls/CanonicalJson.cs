using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace AwsMcp.Host.ToolCalls;

/// <summary>
/// One byte sequence per JSON value: object properties sorted by name (ordinal), no whitespace, numbers as sent.
/// Confirmation tokens hash the arguments this way, so key order or spacing chosen by a client does not matter;
/// audit records are chained over it, so a verifier can recompute every hash from the file.
/// </summary>
public static class CanonicalJson
{
    public static byte[] Serialize(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Lower-case hex SHA-256 of the canonical form.</summary>
    public static string Sha256Hex(JsonElement value) => Convert.ToHexStringLower(SHA256.HashData(Serialize(value)));

    private static void Write(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(value.GetString());
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}
