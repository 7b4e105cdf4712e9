using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Protocols;
using AwsMcp.Sandbox.Protocols.RestJson;
using AwsMcp.Sandbox.Services.Logs;
using AwsMcp.Sandbox.Services.Shared;

namespace AwsMcp.Sandbox.Services.Lambda;

/// <summary>
/// Lambda (restJson1, <c>/2015-03-31/…</c>; regional): ListFunctions, GetFunction, GetFunctionConfiguration and Invoke
/// with canned responses (<see cref="InvokeBehavior"/>). Invocations append their log lines to the CloudWatch Logs
/// group <c>/aws/lambda/&lt;name&gt;</c> of the shared <see cref="LogArchive"/>.
/// </summary>
public sealed class LambdaEmulator : IServiceEmulator
{
    private const int MaxPayloadBytes = 6 * 1024 * 1024;
    private const int LogTailBytes = 4096;
    private readonly SandboxContext _context;
    private readonly IReadOnlyList<LambdaFunction> _functions;
    private readonly LogArchive _logs;

    public LambdaEmulator(SandboxContext context)
    {
        _context = context;
        _functions = [.. LambdaSeed.Functions(context.SeedTime).OrderBy(function => function.Name, StringComparer.Ordinal)];
        _logs = LogArchive.For(context);
    }

    public string SigningName => "lambda";

    public string? ResolveOperation(SandboxRequest request) => LambdaRoute.Resolve(request.Http.Method, request.Http.Path.Value ?? "/")?.Operation;

    public async ValueTask<SandboxResponse> HandleAsync(SandboxRequest request, string operation, CancellationToken cancellationToken)
    {
        var route = LambdaRoute.Resolve(request.Http.Method, request.Http.Path.Value ?? "/")
            ?? throw new SandboxServiceException(404, "UnknownOperationException", "Unknown operation.");
        return route.Operation switch
        {
            "ListFunctions" => ListFunctions(request),
            "GetFunction" => GetFunction(request, route.FunctionName!),
            "GetFunctionConfiguration" => RestJsonResponses.Json(request, 200, Configuration(Find(request, route.FunctionName!))),
            _ => await InvokeAsync(request, route.FunctionName!, cancellationToken),
        };
    }

    public SandboxResponse RenderError(SandboxRequest request, SandboxServiceException error) => RestJsonResponses.Error(request, error);

    private SandboxResponse ListFunctions(SandboxRequest request)
    {
        var query = request.Http.Query;
        var version = query["FunctionVersion"].ToString();
        if (version.Length > 0 && version != "ALL")
        {
            throw InvalidParameter($"1 validation error detected: Value '{version}' at 'functionVersion' failed to satisfy constraint: Member must satisfy enum value set: [ALL]");
        }

        var maxItems = 50;
        var maxText = query["MaxItems"].ToString();
        if (maxText.Length > 0 && (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out maxItems) || maxItems is < 1 or > 10000))
        {
            throw InvalidParameter($"1 validation error detected: Value '{maxText}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 10000");
        }

        var visible = _functions.Where(function => function.Account == request.Principal.Account && function.Region == request.Region).ToList();
        var page = OffsetPaging.Take(visible, query["Marker"].ToString(), maxItems, $"functions|{request.Region}", () => InvalidParameter("Invalid marker."));
        var body = new JsonObject { ["Functions"] = new JsonArray([.. page.Items.Select(f => (JsonNode)Configuration(f))]) };
        if (page.NextToken is not null)
        {
            body["NextMarker"] = page.NextToken;
        }

        return RestJsonResponses.Json(request, 200, body);
    }

    private SandboxResponse GetFunction(SandboxRequest request, string name)
    {
        var function = Find(request, name);
        return RestJsonResponses.Json(request, 200, new JsonObject
        {
            ["Configuration"] = Configuration(function),
            ["Code"] = new JsonObject
            {
                ["RepositoryType"] = "S3",
                ["Location"] = $"https://awslambda-{function.Region}-tasks.s3.{function.Region}.amazonaws.com/snapshots/{function.Account}/{function.Name}-{SeedIds.Hex(function.Arn, 8)}",
            },
            ["Tags"] = new JsonObject { ["team"] = function.Name.Split('-')[0], ["managed-by"] = "sandbox-seed" },
        });
    }

    private async Task<SandboxResponse> InvokeAsync(SandboxRequest request, string name, CancellationToken cancellationToken)
    {
        var function = Find(request, name);
        var invocationType = Header(request, "X-Amz-Invocation-Type") ?? "RequestResponse";
        if (invocationType is not ("RequestResponse" or "Event" or "DryRun"))
        {
            throw InvalidParameter($"1 validation error detected: Value '{invocationType}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
        }

        if (request.Body.Length > MaxPayloadBytes)
        {
            throw new SandboxServiceException(413, "RequestTooLargeException", $"Request must be smaller than {MaxPayloadBytes} bytes for the InvokeFunction operation");
        }

        if (request.Body.Length > 0)
        {
            try
            {
                using var parsed = JsonDocument.Parse(request.Body);
            }
            catch (JsonException error)
            {
                throw new SandboxServiceException(400, "InvalidRequestContentException", $"Could not parse request body into json: {error.Message}");
            }
        }

        if (invocationType == "DryRun")
        {
            return RestJsonResponses.Raw(request, 204, null, []);
        }

        if (function.ReservedConcurrency == 0)
        {
            var throttled = new SandboxServiceException(429, "TooManyRequestsException", "Rate Exceeded.");
            return RestJsonResponses.Error(request, throttled, new JsonObject { ["Reason"] = "ReservedFunctionConcurrentInvocationLimitExceeded" });
        }

        if (function.Behavior == InvokeBehavior.Slow && invocationType == "RequestResponse")
        {
            await Task.Delay(LambdaSeed.SlowInvocation, _context.Time, cancellationToken);
        }

        var (payload, functionError, logLines) = Run(function, request);
        var log = WriteLog(function, request.RequestId, logLines);
        if (invocationType == "Event")
        {
            return RestJsonResponses.Raw(request, 202, null, []);
        }

        var headers = new Dictionary<string, string> { ["X-Amz-Executed-Version"] = "$LATEST" };
        if (functionError is not null)
        {
            headers["X-Amz-Function-Error"] = functionError;
        }

        if (string.Equals(Header(request, "X-Amz-Log-Type"), "Tail", StringComparison.Ordinal))
        {
            var bytes = Encoding.UTF8.GetBytes(log);
            headers["X-Amz-Log-Result"] = Convert.ToBase64String(bytes, Math.Max(0, bytes.Length - LogTailBytes), Math.Min(bytes.Length, LogTailBytes));
        }

        return RestJsonResponses.Raw(request, 200, "application/json", payload, headers);
    }

    /// <summary>The canned result of one invocation: payload, function error (if any) and the lines it logs.</summary>
    private static (byte[] Payload, string? FunctionError, IReadOnlyList<string> Lines) Run(LambdaFunction function, SandboxRequest request)
    {
        switch (function.Behavior)
        {
            case InvokeBehavior.Echo:
                return (request.Body.Length == 0 ? "null"u8.ToArray() : request.Body, null, [$"[INFO] echoing {request.Body.Length} bytes"]);
            case InvokeBehavior.Fail:
                var error = new JsonObject
                {
                    ["errorMessage"] = "Order could not be processed: upstream refused connection",
                    ["errorType"] = "ConnectionError",
                    ["requestId"] = request.RequestId,
                    ["stackTrace"] = new JsonArray("  File \"/var/task/worker.py\", line 42, in handler", "    raise ConnectionError(\"upstream refused connection\")"),
                };
                return (Encoding.UTF8.GetBytes(error.ToJsonString()), "Unhandled", [$"[ERROR] ConnectionError: upstream refused connection", $"[ERROR] Runtime.Unhandled {error.ToJsonString()}"]);
            case InvokeBehavior.Slow:
                return (Encoding.UTF8.GetBytes("""{"resized":true,"width":1024}"""), null, [$"[INFO] resized image in {LambdaSeed.SlowInvocation.TotalMilliseconds} ms"]);
            default:
                return (Encoding.UTF8.GetBytes("""{"statusCode":200,"body":"ok"}"""), null, ["[INFO] ok"]);
        }
    }

    private string WriteLog(LambdaFunction function, string requestId, IReadOnlyList<string> body)
    {
        var now = _context.Time.GetUtcNow();
        var duration = function.Behavior == InvokeBehavior.Slow ? LambdaSeed.SlowInvocation.TotalMilliseconds : 3.5;
        string[] lines =
        [
            $"START RequestId: {requestId} Version: $LATEST",
            .. body,
            $"END RequestId: {requestId}",
            $"REPORT RequestId: {requestId}\tDuration: {duration.ToString("F2", CultureInfo.InvariantCulture)} ms\tBilled Duration: {Math.Ceiling(duration).ToString(CultureInfo.InvariantCulture)} ms\tMemory Size: {function.MemorySize} MB\tMax Memory Used: 72 MB",
        ];
        var stream = $"{now.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)}/[$LATEST]{SeedIds.Hex(function.Arn + now.Date.ToString("O", CultureInfo.InvariantCulture), 32)}";
        var millis = now.ToUnixTimeMilliseconds();
        _logs.Append(function.Account, function.Region, function.LogGroupName, stream, lines.Select((line, i) => (millis + i, line)), millis);
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>Finds a function by name, full ARN or partial ARN (<c>ACCOUNT:function:NAME</c>), optionally qualified with <c>$LATEST</c>.</summary>
    private LambdaFunction Find(SandboxRequest request, string identifier)
    {
        var parts = identifier.Split(':');
        var (name, qualifier) = parts switch
        {
            ["arn", "aws", "lambda", _, _, "function", var n] => (n, null),
            ["arn", "aws", "lambda", _, _, "function", var n, var q] => (n, q),
            [_, "function", var n] => (n, null),
            [_, "function", var n, var q] => (n, q),
            [var n, var q] => (n, q),
            _ => (identifier, (string?)null),
        };
        qualifier ??= request.Http.Query["Qualifier"].ToString() is { Length: > 0 } q2 ? q2 : null;
        var function = _functions.FirstOrDefault(f => f.Name == name && f.Account == request.Principal.Account && f.Region == request.Region);
        if (function is null || identifier.StartsWith("arn:", StringComparison.Ordinal) && !identifier.StartsWith(function.Arn, StringComparison.Ordinal)
            || qualifier is not (null or "$LATEST"))
        {
            var arn = $"arn:aws:lambda:{request.Region}:{request.Principal.Account}:function:{name}{(qualifier is null ? string.Empty : ":" + qualifier)}";
            throw new SandboxServiceException(404, "ResourceNotFoundException", $"Function not found: {arn}");
        }

        return function;
    }

    private static JsonObject Configuration(LambdaFunction function) =>
        new()
        {
            ["FunctionName"] = function.Name,
            ["FunctionArn"] = function.Arn,
            ["Runtime"] = function.Runtime,
            ["Role"] = function.RoleArn,
            ["Handler"] = function.Handler,
            ["CodeSize"] = function.CodeSize,
            ["Description"] = function.Description,
            ["Timeout"] = function.Timeout,
            ["MemorySize"] = function.MemorySize,
            ["LastModified"] = function.LastModified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture),
            ["CodeSha256"] = function.CodeSha256,
            ["Version"] = "$LATEST",
            ["Environment"] = new JsonObject { ["Variables"] = new JsonObject([.. function.Environment.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value))]) },
            ["TracingConfig"] = new JsonObject { ["Mode"] = "PassThrough" },
            ["RevisionId"] = function.RevisionId,
            ["State"] = "Active",
            ["LastUpdateStatus"] = "Successful",
            ["PackageType"] = "Zip",
            ["Architectures"] = new JsonArray("x86_64"),
            ["EphemeralStorage"] = new JsonObject { ["Size"] = 512 },
            ["LoggingConfig"] = new JsonObject { ["LogFormat"] = "Text", ["LogGroup"] = function.LogGroupName },
        };

    private static string? Header(SandboxRequest request, string name) =>
        request.Http.Headers.TryGetValue(name, out var values) && values.Count > 0 ? values.ToString() : null;

    private static SandboxServiceException InvalidParameter(string message) => new(400, "InvalidParameterValueException", message);
}
