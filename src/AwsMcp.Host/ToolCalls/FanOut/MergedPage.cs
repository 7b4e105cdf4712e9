using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using AwsMcp.Abstractions;

namespace AwsMcp.Host.ToolCalls.FanOut;

/// <summary>
/// Writes the merged page of a fan-out call, in the shape the tool's generated output schema declares: the tool's
/// items, each tagged with its <c>region</c> and <c>account</c> (unless it names them already), the next token and
/// <c>has_more</c> (as <c>ToolPage&lt;T&gt;</c> writes them), and <c>targets</c>, one report per target asked or denied.
/// </summary>
public static class MergedPage
{
    // The merged page is the tool's answer: written like every other result, without needless escapes (> as itself).
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ToolResult Write(ToolArgumentRoles roles, IReadOnlyList<TargetAnswer> answers, string? nextToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteStartArray(roles.PageItems!);
            foreach (var answer in answers)
            {
                foreach (var item in answer.Items)
                {
                    WriteTagged(writer, item, answer.Target);
                }
            }

            writer.WriteEndArray();
            if (nextToken is not null)
            {
                writer.WriteString(roles.PageToken!, nextToken);
            }

            writer.WriteBoolean("has_more", nextToken is not null);
            writer.WriteStartArray("targets");
            foreach (var answer in answers)
            {
                writer.WriteStartObject();
                WriteIfSet(writer, "region", answer.Target.Region);
                WriteIfSet(writer, "account", answer.Target.Account);
                writer.WriteString("status", answer.StatusName);
                if (answer.Status == TargetStatus.Ok)
                {
                    writer.WriteNumber("count", answer.Items.Count);
                }

                WriteIfSet(writer, "error", answer.Error);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return ToolResult.Json(buffer.WrittenMemory);
    }

    private static void WriteTagged(Utf8JsonWriter writer, JsonElement item, FanOutTarget target)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            item.WriteTo(writer);
            return;
        }

        writer.WriteStartObject();
        if (!item.TryGetProperty("region", out _))
        {
            WriteIfSet(writer, "region", target.Region);
        }

        if (!item.TryGetProperty("account", out _))
        {
            WriteIfSet(writer, "account", target.Account);
        }

        foreach (var property in item.EnumerateObject())
        {
            property.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
