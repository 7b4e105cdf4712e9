using System.Text.Json.Serialization;

namespace AwsMcp.Host.ToolCalls.Audit.JsonLines;

/// <summary>The JSON shape of an audit line: camelCase names, enums as words.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(AuditRecord))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
