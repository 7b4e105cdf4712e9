using System.Text.Json.Serialization;

namespace AwsMcp.Host.ToolCalls.Confirmation;

/// <summary>Source-generated JSON for the token payload: its field names are part of the token format.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ConfirmationTokens.Payload))]
internal sealed partial class ConfirmationJsonContext : JsonSerializerContext;
