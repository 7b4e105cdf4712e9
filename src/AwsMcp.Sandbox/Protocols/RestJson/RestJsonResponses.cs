using System.Text;
using System.Text.Json.Nodes;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Protocols.RestJson;

/// <summary>
/// restJson1 responses (Lambda): JSON bodies with <c>x-amzn-RequestId</c>; errors carry the code in
/// <c>x-amzn-ErrorType</c> and a body <c>{"Type":"User","message":"…"}</c> as the real service sends.
/// </summary>
public static class RestJsonResponses
{
    public static SandboxResponse Json(SandboxRequest request, int status, JsonNode? body, IReadOnlyDictionary<string, string>? headers = null) =>
        Raw(request, status, "application/json", body is null ? [] : Encoding.UTF8.GetBytes(body.ToJsonString()), headers);

    public static SandboxResponse Raw(SandboxRequest request, int status, string? contentType, byte[] body, IReadOnlyDictionary<string, string>? headers = null)
    {
        var all = new Dictionary<string, string>(headers ?? new Dictionary<string, string>()) { ["x-amzn-RequestId"] = request.RequestId };
        return new SandboxResponse(status, contentType, body) { Headers = all };
    }

    public static SandboxResponse Error(SandboxRequest request, SandboxServiceException error, JsonObject? extra = null)
    {
        var body = new JsonObject { ["Type"] = error.SenderFault ? "User" : "Service", ["message"] = error.Message };
        foreach (var (name, value) in extra ?? [])
        {
            body[name] = value?.DeepClone();
        }

        return Json(request, error.StatusCode, body, new Dictionary<string, string> { ["x-amzn-ErrorType"] = error.Code });
    }
}
