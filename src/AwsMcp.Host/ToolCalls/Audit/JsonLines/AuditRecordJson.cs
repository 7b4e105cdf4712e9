using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AwsMcp.Host.ToolCalls.Audit.JsonLines;

/// <summary>
/// The JSON of an audit line, written once, by hand (no reflection, no intermediate tree): camelCase names, enums as
/// words, the redacted arguments as the JSON object they are. <see cref="AuditChain"/> then appends the chain fields.
/// </summary>
public static class AuditRecordJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(IBufferWriter<byte> output, AuditRecord record)
    {
        using var writer = new Utf8JsonWriter(output, Options);
        writer.WriteStartObject();
        writer.WriteString("kind"u8, Word(record.Kind.ToString()));
        writer.WriteString("time"u8, record.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        writer.WriteString("correlationId"u8, record.CorrelationId);
        writer.WriteString("channel"u8, record.Channel.ToString());
        writer.WriteString("callerId"u8, record.CallerId);
        writer.WriteString("callerName"u8, record.CallerName);
        writer.WriteString("callerAuthentication"u8, record.CallerAuthentication);
        writer.WriteString("tool"u8, record.Tool);
        if (record.Feature != AwsMcp.Abstractions.ToolKind.Tool)
        {
            // Only for the packs' other features, so that a tool's record reads as it always did.
            writer.WriteString("feature"u8, Word(record.Feature.ToString()));
        }
        WriteNullable(writer, "plugin"u8, record.Plugin);
        WriteNullable(writer, "region"u8, record.Region);
        WriteNullable(writer, "account"u8, record.Account);
        WriteStrings(writer, "resources"u8, record.Resources);
        writer.WriteNumber("resourceCount"u8, record.ResourceCount);
        if (record.Arguments is { } arguments)
        {
            writer.WritePropertyName("arguments"u8);
            writer.WriteRawValue(arguments, skipInputValidation: true);
        }

        writer.WriteBoolean("allowed"u8, record.Allowed);
        writer.WriteString("policyRule"u8, record.PolicyRule);
        WriteNullable(writer, "reason"u8, record.Reason);
        writer.WriteString("outcome"u8, record.Outcome.ToString());
        writer.WriteNumber("durationMs"u8, Math.Round(record.Duration.TotalMilliseconds, 3));
        if (record.AwsRequests.Count > 0)
        {
            writer.WriteStartArray("awsRequests"u8);
            foreach (var request in record.AwsRequests)
            {
                writer.WriteStartObject();
                writer.WriteString("service"u8, request.Service);
                writer.WriteString("operation"u8, request.Operation);
                WriteNullable(writer, "requestId"u8, request.RequestId);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (record.Targets.Count > 0)
        {
            WriteStrings(writer, "targets"u8, record.Targets);
        }

        if (record.TouchedResources.Count > 0)
        {
            WriteStrings(writer, "touchedResources"u8, record.TouchedResources);
        }

        writer.WriteEndObject();
    }

    private static string Word(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static void WriteNullable(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
