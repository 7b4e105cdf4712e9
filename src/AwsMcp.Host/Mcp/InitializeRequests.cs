using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace AwsMcp.Host.Mcp;

/// <summary>
/// What the host settles in an <c>initialize</c> request before the SDK reads it. The prototype documented a bare
/// handshake (<c>"params": {}</c>), which the SDK cannot bind; its required fields get the defaults a client that
/// names nothing means. A version newer than the handshake versions (a client ahead of this server) is answered, as
/// the specification asks, with the newest one the server supports rather than refused.
/// </summary>
public static class InitializeRequests
{
    /// <summary>The newest protocol version negotiated through the initialize handshake.</summary>
    public const string NewestHandshakeVersion = "2025-11-25";

    /// <summary>
    /// The body of an HTTP request with its initialize settled, or null when it is not an initialize (or needs
    /// nothing): the SDK's HTTP transport binds an initialize's parameters before any filter sees them.
    /// </summary>
    public static byte[]? Settle(ReadOnlyMemory<byte> body)
    {
        if (body.Span.IndexOf("\"initialize\""u8) < 0)
        {
            return null;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body.Span);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            // The SDK answers malformed JSON; a property repeated in an initialize was refused before (HandshakeAnswers).
            return null;
        }

        if (node is not JsonObject message || message["method"]?.GetValueKind() != JsonValueKind.String
            || message["method"]!.GetValue<string>() != RequestMethods.Initialize)
        {
            return null;
        }

        if (message["params"] is null)
        {
            message["params"] = new JsonObject();
        }

        if (message["params"] is not JsonObject parameters)
        {
            return null; // the SDK refuses params that are not an object
        }

        if (!Settle(parameters))
        {
            return null;
        }

        var settled = new ArrayBufferWriter<byte>(body.Length + 128);
        using (var writer = new Utf8JsonWriter(settled))
        {
            message.WriteTo(writer);
        }

        return settled.WrittenSpan.ToArray();
    }

    /// <summary>Fills in what a handshake left out, in place (stdio and sessions: the SDK binds after its filters).</summary>
    public static void Settle(JsonRpcRequest request)
    {
        if (request.Method == RequestMethods.Initialize && request.Params is JsonObject parameters)
        {
            Settle(parameters);
        }
    }

    /// <summary>Fills in what a handshake's parameters left out, in place; true when anything changed.</summary>
    internal static bool Settle(JsonObject parameters)
    {
        var changed = false;
        if (parameters["protocolVersion"] is not JsonValue version || version.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            parameters["protocolVersion"] = NewestHandshakeVersion;
            changed = true;
        }
        else if (string.CompareOrdinal(version.GetValue<string>(), NewestHandshakeVersion) > 0)
        {
            parameters["protocolVersion"] = NewestHandshakeVersion;
            changed = true;
        }

        if (parameters["capabilities"] is not JsonObject)
        {
            parameters["capabilities"] = new JsonObject();
            changed = true;
        }

        if (parameters["clientInfo"] is not JsonObject)
        {
            parameters["clientInfo"] = new JsonObject { ["name"] = "unnamed-client", ["version"] = "0" };
            changed = true;
        }

        return changed;
    }
}
