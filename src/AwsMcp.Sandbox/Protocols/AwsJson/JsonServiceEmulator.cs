using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Protocols.AwsJson;

/// <summary>
/// The awsJson1_1 protocol (CloudWatch Logs, Cost Explorer, Budgets): <c>POST /</c> with
/// <c>X-Amz-Target: Prefix.Operation</c> and <c>Content-Type: application/x-amz-json-1.1</c>; errors are
/// <c>{"__type":"Code","message":"…"}</c> with a 4xx/5xx status. Subclasses only register their operations.
/// </summary>
public abstract class JsonServiceEmulator : IServiceEmulator
{
    public const string ContentType = "application/x-amz-json-1.1";

    /// <summary>Answers one operation; throws <see cref="SandboxServiceException"/> for AWS errors.</summary>
    protected delegate JsonNode JsonOperation(SandboxRequest request, JsonInput input);

    private readonly Dictionary<string, JsonOperation> _operations = new(StringComparer.Ordinal);
    private readonly string _targetPrefix;
    private readonly string _validationErrorCode;

    protected JsonServiceEmulator(string signingName, string targetPrefix, string validationErrorCode)
    {
        SigningName = signingName;
        _targetPrefix = targetPrefix + ".";
        _validationErrorCode = validationErrorCode;
    }

    public string SigningName { get; }

    protected void Register(string operation, JsonOperation handler) => _operations.Add(operation, handler);

    public string? ResolveOperation(SandboxRequest request)
    {
        var target = request.Http.Headers["X-Amz-Target"].ToString();
        return target.StartsWith(_targetPrefix, StringComparison.Ordinal) && _operations.ContainsKey(target[_targetPrefix.Length..])
            ? target[_targetPrefix.Length..]
            : null;
    }

    public ValueTask<SandboxResponse> HandleAsync(SandboxRequest request, string operation, CancellationToken cancellationToken)
    {
        if (!_operations.TryGetValue(operation, out var handler))
        {
            throw new SandboxServiceException(400, "UnknownOperationException", $"Unknown operation {request.Http.Headers["X-Amz-Target"]}");
        }

        var result = handler(request, new JsonInput(ReadBody(request), _validationErrorCode));
        return ValueTask.FromResult(Json(200, request, result));
    }

    public SandboxResponse RenderError(SandboxRequest request, SandboxServiceException error) =>
        Json(error.StatusCode, request, new JsonObject { ["__type"] = error.Code, ["message"] = error.Message });

    private static JsonObject ReadBody(SandboxRequest request)
    {
        if (request.Body.Length == 0)
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(request.Body) as JsonObject
                ?? throw new SandboxServiceException(400, "SerializationException", "The request body must be a JSON object.");
        }
        catch (JsonException)
        {
            throw new SandboxServiceException(400, "SerializationException", "The request body is not valid JSON.");
        }
    }

    private static SandboxResponse Json(int status, SandboxRequest request, JsonNode body) =>
        new(status, ContentType, Encoding.UTF8.GetBytes(body.ToJsonString()))
        {
            Headers = new Dictionary<string, string> { ["x-amzn-RequestId"] = request.RequestId },
        };
}
