using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AwsMcp.Abstractions;

namespace AwsMcp.Host.ToolCalls.Confirmation;

/// <summary>
/// The first answer of a destructive tool: what would change (the resources its arguments declare), where (the
/// call's real target), and how to confirm. A successful result (not an error), so that clients show it and models
/// relay it; the text is compact JSON with characters as they are, so the model reads the instruction it must follow.
/// </summary>
public static class ConfirmationPlan
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ToolResult Create(ToolCall call, string token, DateTimeOffset expires)
    {
        var tool = call.Tool!;
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("status", "confirmation_required");
            writer.WriteString("tool", tool.Name);
            writer.WriteString("summary", $"'{tool.Name}' makes a change that cannot be undone: {FirstSentence(tool.Descriptor.Description)}");
            writer.WriteString("account", call.Account ?? "the server's own account");
            writer.WriteString("region", call.Region ?? "the SDK default");
            writer.WriteStartArray("targets");
            foreach (var resource in call.Bound?.Resources ?? [])
            {
                writer.WriteStringValue(resource);
            }

            writer.WriteEndArray();
            writer.WritePropertyName("arguments");
            call.ToolArguments.WriteTo(writer);
            writer.WriteString("confirmation_token", token);
            writer.WriteString("expires_at", expires.ToString("o", CultureInfo.InvariantCulture));
            writer.WriteString(
                "next_step",
                $"Nothing has changed yet. Show this plan to the user and ask for approval. If they approve, call '{tool.Name}' again with exactly " +
                $"the same arguments plus \"{ConfirmationArgument.Name}\" set to the token above. The token works once, only for you, " +
                "and expires at expires_at.");
            writer.WriteEndObject();
        }

        return new ToolResult(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static string FirstSentence(string description)
    {
        var end = description.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? description : description[..(end + 1)];
    }
}
