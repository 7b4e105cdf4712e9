using System.Runtime.InteropServices;
using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Host.ToolCalls.Arguments;

namespace AwsMcp.Host.Mcp.Http;

/// <summary>
/// A JSON-RPC request the host answers itself (<c>tools/list</c>, <c>tools/call</c>), parsed once from the request
/// body with the same strictness as every tool call: a property given twice is refused, naming it. For a
/// <c>tools/call</c> whose duplicate is inside the arguments, the call itself is refused (audited, <c>isError</c>);
/// anywhere else the request is malformed (-32600/-32602).
/// </summary>
public sealed class JsonRpcToolRequest : IDisposable
{
    public const string ToolsList = "tools/list";
    public const string ToolsCall = "tools/call";

    private const string ArgumentsPath = "params.arguments";

    private JsonDocument? _document;

    private JsonRpcToolRequest(JsonDocument? document, string method, byte[] id)
    {
        _document = document;
        Method = method;
        Id = id;
    }

    /// <summary><c>tools/list</c> or <c>tools/call</c>.</summary>
    public string Method { get; }

    /// <summary>The request id as sent (raw JSON), echoed in the answer.</summary>
    public byte[] Id { get; }

    /// <summary>The tool to call (<c>tools/call</c>).</summary>
    public string ToolName { get; private set; } = string.Empty;

    /// <summary>The arguments element (undefined when absent); valid while this request is not disposed.</summary>
    public JsonElement Arguments { get; private set; }

    /// <summary>The <c>_meta.progressToken</c> as sent (raw JSON: a string or a number), or empty when the client wants no progress.</summary>
    public ReadOnlyMemory<byte> ProgressToken { get; private set; }

    /// <summary>Why the arguments were refused before parsing completed (a duplicate inside them), or null.</summary>
    public ArgumentProblem? ArgumentProblem { get; private set; }

    /// <summary>
    /// True when the call is refused as a malformed request (-32602) after the pipeline has refused and audited it:
    /// arguments that are not an object at all.
    /// </summary>
    public bool AnswerAsInvalidParams { get; private set; }

    /// <summary>Why the request is malformed (answered with a JSON-RPC error, not audited: no tool call to speak of), or null.</summary>
    public (int Code, string Message)? Error { get; private set; }

    /// <summary>
    /// Parses <paramref name="body"/>; null when it is not a single request for one of the methods answered here
    /// (the MCP SDK answers it then).
    /// </summary>
    public static JsonRpcToolRequest? TryParse(ReadOnlyMemory<byte> body)
    {
        // Malformed JSON is the SDK's to answer; a repeated property is ours (StrictJson.ParseMessage).
        if (StrictJson.ParseMessage(body, out var problem) is not { } document)
        {
            return null;
        }

        var request = Read(document, problem);
        if (request is null)
        {
            document.Dispose();
        }

        return request;
    }

    public void Dispose() => _document?.Dispose();

    /// <summary>Hands the body's document over to the call that owns the arguments from now on.</summary>
    public JsonDocument? TakeDocument() => Interlocked.Exchange(ref _document, null);

    private static JsonRpcToolRequest? Read(JsonDocument document, (string Path, string Reason)? problem)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("method", out var methodElement) || methodElement.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("id", out var idElement) || idElement.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
        {
            return null; // notifications, batches, responses: not ours
        }

        var method = methodElement.ValueEquals(ToolsList) ? ToolsList : methodElement.ValueEquals(ToolsCall) ? ToolsCall : null;
        if (method is null)
        {
            return null;
        }

        var request = new JsonRpcToolRequest(document, method, JsonMarshal.GetRawUtf8Value(idElement).ToArray());
        if (problem is { } duplicate && !(method == ToolsCall && duplicate.Path.StartsWith(ArgumentsPath + ".", StringComparison.Ordinal)))
        {
            request.Error = (-32600, $"Invalid request: '{duplicate.Path}' {duplicate.Reason}.");
            return request;
        }

        var parameters = root.TryGetProperty("params", out var p) ? p : default;
        if (parameters.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null))
        {
            request.Error = (-32602, "Invalid params: 'params' must be an object.");
            return request;
        }

        if (method == ToolsList)
        {
            return request;
        }

        if (parameters.ValueKind != JsonValueKind.Object || !parameters.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
        {
            request.Error = (-32602, "Invalid params: 'params.name' must be the name of the tool to call.");
            return request;
        }

        try
        {
            request.ToolName = name.GetString()!;
        }
        catch (InvalidOperationException)
        {
            request.Error = (-32602, "Invalid params: 'params.name' is not valid text.");
            return request;
        }

        if (problem is { } inArguments)
        {
            request.ArgumentProblem = new ArgumentProblem(inArguments.Path[(ArgumentsPath.Length + 1)..], inArguments.Reason);
            return request;
        }

        if (parameters.TryGetProperty("_meta", out var meta) && meta.ValueKind == JsonValueKind.Object
            && meta.TryGetProperty("progressToken", out var token) && token.ValueKind is JsonValueKind.String or JsonValueKind.Number)
        {
            request.ProgressToken = JsonMarshal.GetRawUtf8Value(token).ToArray();
        }

        request.Arguments = parameters.TryGetProperty("arguments", out var arguments) ? arguments : default;
        request.AnswerAsInvalidParams = request.Arguments.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null);
        return request;
    }
}
