using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using AwsMcp.Host.ToolCalls.Arguments;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AwsMcp.Host.Mcp.Http;

/// <summary>
/// The handshake as the host answers it (<see cref="McpFront"/>). Stateless, it answers <c>initialize</c> and accepts
/// notifications (a stateless server has nothing to do with them) without the SDK, which builds a whole server per
/// stateless request, with the JSON metadata of every request type it handles (prompts, resources, completions,
/// logging): 2–4 MiB of an idle server's memory and about 1,100 methods compiled, for an answer that never changes. A
/// client that only initialises, lists and calls tools (Copilot Studio) never has one built now. The answer equals the
/// SDK's (<c>HandshakeAnswersTests</c> compare them): the parameters are bound by the SDK's own contract, a version
/// this server does not know is left to the SDK to negotiate. In every mode, an initialize the SDK cannot bind (a
/// property given twice, a client description without a name) is refused here naming the field; the SDK failed
/// those with an empty HTTP 500.
/// </summary>
public sealed class HandshakeAnswers
{
    /// <summary>What the SDK advertises for the handlers <see cref="McpServerRegistration"/> gives it, stateless.</summary>
#pragma warning disable MCP9005 // logging/setLevel: deprecated from the 2026-07-28 draft on, part of every version spoken here
    private static readonly ServerCapabilities Capabilities = new()
    {
        Logging = new(),
        Prompts = new(),
        Resources = new() { Subscribe = true },
        Tools = new(),
        Completions = new(),
    };
#pragma warning restore MCP9005

    private readonly Dictionary<string, byte[]> _results;

    public HandshakeAnswers(IOptions<McpServerOptions> options)
    {
        var server = options.Value;
        var typeInfo = (JsonTypeInfo<InitializeResult>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(InitializeResult));
        _results = McpFront.Versions.ToDictionary(version => version, version => JsonSerializer.SerializeToUtf8Bytes(
            new InitializeResult
            {
                ProtocolVersion = version,
                Capabilities = Capabilities,
                ServerInfo = server.ServerInfo ?? throw new InvalidOperationException("McpServerRegistration names the server (ServerInfo)."),
                Instructions = server.ServerInstructions,
            },
            typeInfo));
    }

    /// <summary>What <see cref="Read"/> found in a request body.</summary>
    public enum Kind
    {
        /// <summary>The SDK's to answer.</summary>
        Other,

        /// <summary>An initialize answered here (the answer is the whole JSON-RPC response).</summary>
        Initialize,

        /// <summary>An initialize refused here (the answer is a JSON-RPC error naming the field).</summary>
        Refused,

        /// <summary>A notification: accepted, nothing to do.</summary>
        Notification,
    }

    /// <summary>
    /// Reads <paramref name="body"/>. Only when <paramref name="stateless"/> are a well-formed initialize and
    /// notifications answered here; the SDK keeps them in a session, where they mean something.
    /// </summary>
    public Kind Read(ReadOnlyMemory<byte> body, bool stateless, out byte[]? answer)
    {
        answer = null;
        if (body.Span.IndexOf("\"initialize\""u8) < 0 && !stateless)
        {
            return Kind.Other;
        }

        using var document = StrictJson.ParseMessage(body, out var problem);
        if (document is null)
        {
            return Kind.Other;
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("method", out var method) || method.ValueKind != JsonValueKind.String)
        {
            return Kind.Other;
        }

        if (problem is { } repeated)
        {
            // A property given twice in an initialize: the SDK would keep one silently, or fail.
            if (!method.ValueEquals(RequestMethods.Initialize))
            {
                return Kind.Other;
            }

            var repeatedId = root.TryGetProperty("id", out var i) && i.ValueKind is JsonValueKind.String or JsonValueKind.Number && repeated.Path != "id"
                ? JsonMarshal.GetRawUtf8Value(i)
                : default;
            answer = Error(repeatedId, -32600, $"Invalid request: '{repeated.Path}' {repeated.Reason}.");
            return Kind.Refused;
        }

        if (!root.TryGetProperty("jsonrpc", out var jsonrpc) || !jsonrpc.ValueEquals("2.0"))
        {
            return Kind.Other;
        }

        if (!root.TryGetProperty("id", out var id))
        {
            return stateless && method.GetString()!.StartsWith("notifications/", StringComparison.Ordinal) ? Kind.Notification : Kind.Other;
        }

        if (!method.ValueEquals(RequestMethods.Initialize) || id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
        {
            return Kind.Other;
        }

        var rawId = JsonMarshal.GetRawUtf8Value(id);
        var parameters = root.TryGetProperty("params", out var p) ? p : default;
        if (parameters.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null))
        {
            return Kind.Other; // the SDK refuses parameters that are not an object
        }

        string version;
        try
        {
            version = Bind(parameters).ProtocolVersion;
        }
        catch (JsonException ex)
        {
            answer = Error(rawId, -32602, $"Invalid params: {ex.Message}");
            return Kind.Refused;
        }

        if (!stateless || !_results.TryGetValue(version, out var result))
        {
            return Kind.Other; // in a session, or a version the SDK negotiates
        }

        answer = Answer(rawId, result);
        return Kind.Initialize;
    }

    // The parameters as the SDK binds them once InitializeRequests has filled in what a bare handshake leaves out.
    private static InitializeRequestParams Bind(JsonElement parameters)
    {
        var settled = parameters.ValueKind == JsonValueKind.Object ? (JsonObject)JsonNode.Parse(parameters.GetRawText())! : [];
        InitializeRequests.Settle(settled);
        var typeInfo = (JsonTypeInfo<InitializeRequestParams>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(InitializeRequestParams));
        return settled.Deserialize(typeInfo) ?? throw new JsonException("'params' is null.");
    }

    private static byte[] Answer(ReadOnlySpan<byte> id, byte[] result)
    {
        var output = new ArrayBufferWriter<byte>(result.Length + 64);
        using (var json = CallToolResultJson.CreateWriter(output))
        {
            json.WriteStartObject();
            json.WritePropertyName("result"u8);
            json.WriteRawValue(result, skipInputValidation: true);
            json.WritePropertyName("id"u8);
            json.WriteRawValue(id, skipInputValidation: true);
            json.WriteString("jsonrpc"u8, "2.0"u8);
            json.WriteEndObject();
        }

        return output.WrittenSpan.ToArray();
    }

    private static byte[] Error(ReadOnlySpan<byte> id, int code, string message)
    {
        var output = new ArrayBufferWriter<byte>(256);
        using (var json = CallToolResultJson.CreateWriter(output))
        {
            CallToolResultJson.WriteError(json, id, code, message);
        }

        return output.WrittenSpan.ToArray();
    }
}
