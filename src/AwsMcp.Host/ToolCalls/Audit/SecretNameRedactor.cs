using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AwsMcp.Host.ToolCalls.Audit;

/// <summary>
/// A first redactor: hides values of arguments whose names suggest a secret, and strings shaped like AWS access key
/// ids. Deliberately conservative; pattern-based redaction of free text belongs to the governance work.
/// </summary>
public sealed partial class SecretNameRedactor : IRedactor
{
    private const string Mask = "***";
    private static readonly string[] SecretNameParts = ["password", "secret", "credential", "private_key", "session_token", "access_key", "api_key", "authorization"];

    public string RedactArguments(JsonElement arguments)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, arguments);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    if (IsSecretName(property.Name))
                    {
                        writer.WriteStringValue(Mask);
                    }
                    else
                    {
                        Write(writer, property.Value);
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String when AccessKeyId().IsMatch(element.GetString()!):
                writer.WriteStringValue(Mask);
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private static bool IsSecretName(string name) =>
        SecretNameParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"\b(AKIA|ASIA)[A-Z0-9]{16}\b")]
    private static partial Regex AccessKeyId();
}
