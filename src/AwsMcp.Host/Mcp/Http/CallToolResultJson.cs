using System.Text.Encodings.Web;
using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Host.Mcp.Content;

namespace AwsMcp.Host.Mcp.Http;

/// <summary>
/// Writes the JSON-RPC answers the host writes itself, in the shapes MCP defines: a <c>CallToolResult</c> (text always,
/// <c>structuredContent</c> for tools with an output schema, <c>isError</c> when set), a <c>ListToolsResult</c> from
/// cached bytes, or an error. Characters stay as they are (no <c>\u0022</c> escapes), and a JSON result's bytes are
/// copied, never parsed or re-serialised.
/// </summary>
public static class CallToolResultJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public static void WriteResult(Utf8JsonWriter writer, ReadOnlySpan<byte> id, ToolResult result, bool withStructuredContent)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("result"u8);
        writer.WriteStartArray("content"u8);
        if (result.Content.Count > 0)
        {
            foreach (var block in result.Content)
            {
                ContentBlocks.Write(writer, block);
            }

            writer.WriteEndArray();
            WriteResultEnd(writer, id, result);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("type"u8, "text"u8);
        if (result.HasUtf8Json)
        {
            writer.WriteString("text"u8, result.Utf8Json.Span);
        }
        else
        {
            writer.WriteString("text"u8, result.Text);
        }

        writer.WriteEndObject();
        writer.WriteEndArray();
        if (withStructuredContent && !result.IsError)
        {
            if (result.HasUtf8Json)
            {
                writer.WritePropertyName("structuredContent"u8);
                writer.WriteRawValue(result.Utf8Json.Span, skipInputValidation: true);
            }
            else if (result.Structured is { } structured)
            {
                writer.WritePropertyName("structuredContent"u8);
                structured.WriteTo(writer);
            }
        }

        WriteResultEnd(writer, id, result);
    }

    private static void WriteResultEnd(Utf8JsonWriter writer, ReadOnlySpan<byte> id, ToolResult result)
    {
        if (result.IsError)
        {
            writer.WriteBoolean("isError"u8, true);
        }

        writer.WriteEndObject();
        WriteEnvelopeEnd(writer, id);
    }

    public static void WriteToolList(Utf8JsonWriter writer, ReadOnlySpan<byte> id, ReadOnlySpan<byte> toolsArray)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("result"u8);
        writer.WritePropertyName("tools"u8);
        writer.WriteRawValue(toolsArray, skipInputValidation: true);
        writer.WriteEndObject();
        WriteEnvelopeEnd(writer, id);
    }

    public static void WriteError(Utf8JsonWriter writer, ReadOnlySpan<byte> id, int code, string message)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("error"u8);
        writer.WriteNumber("code"u8, code);
        writer.WriteString("message"u8, message);
        writer.WriteEndObject();
        WriteEnvelopeEnd(writer, id);
    }

    public static Utf8JsonWriter CreateWriter(System.Buffers.IBufferWriter<byte> output) => new(output, Options);

    private static void WriteEnvelopeEnd(Utf8JsonWriter writer, ReadOnlySpan<byte> id)
    {
        writer.WritePropertyName("id"u8);
        if (id.IsEmpty)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteRawValue(id, skipInputValidation: true);
        }

        writer.WriteString("jsonrpc"u8, "2.0"u8);
        writer.WriteEndObject();
    }
}
