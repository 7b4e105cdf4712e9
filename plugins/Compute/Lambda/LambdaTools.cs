using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcp.Abstractions;
using AwsMcp.Abstractions.Redaction;
using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Protocol;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Compute.Lambda;

/// <summary>Lambda tools: list and inspect functions (environment values redacted), and invoke one.</summary>
/// <remarks>
/// Every tool takes <c>region</c> and <c>account</c>, resolved by the host into the <see cref="ToolContext"/>; <c>list_lambda_functions</c> fans out
/// instead (<c>regions</c>, <c>accounts</c>): the host calls it once per target, each with its own context, and merges the
/// pages.
/// </remarks>
[Toolset("lambda")]
[AwsTarget]
public sealed class LambdaTools(ToolPackContext pack)
{
    /// <summary>The largest payload invoke_lambda_function sends (Lambda allows 6 MB; a model has no business sending that).</summary>
    public const int MaxRequestPayloadBytes = 64 * 1024;

    /// <summary>How much of the function's answer is returned.</summary>
    public const int MaxResponsePayloadChars = 16 * 1024;

    /// <summary>How much of the log tail is returned (Lambda sends the last 4 KB).</summary>
    public const int MaxLogTailChars = 2 * 1024;

    private const string FunctionsPath = "/2015-03-31/functions";

    // Lambda's page size for ListFunctions is 1 to 50.
    private const int MaxListPageSize = 50;

    private readonly AwsClientFactory _aws = AwsClientFactory.For(pack);

    /// <summary>
    /// Lists Lambda functions with runtime, memory and timeout. Use for function names.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="detail">Full configurations.</param>
    /// <param name="limit"></param>
    /// <param name="nextToken"></param>
    [AwsTarget(FanOut = true)]
    [Tool("list_lambda_functions", Title = "List Lambda functions", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    public async Task<ToolPage<LambdaFunction>> ListFunctionsAsync(
        ToolContext ctx,
        bool detail = false,
        [Narrows, PageSize, Range(1, ToolPaging.MaxLimit)] int limit = ToolPaging.DefaultLimit,
        [Narrows, PageToken] string? nextToken = null)
    {
        var page = await PageCollector.CollectAsync(nextToken, limit, (1, MaxListPageSize), async (marker, size) =>
        {
            var query = new Dictionary<string, string> { ["MaxItems"] = size.ToString(CultureInfo.InvariantCulture) };
            if (marker is not null)
            {
                query["Marker"] = marker;
            }

            var response = await AwsCall.ProtocolAsync(ctx, _aws.Target(ctx, "lambda", "ListFunctions"), ct =>
                _aws.Protocol(AwsServiceModels.Lambda, ctx).InvokeRestAsync(HttpMethod.Get, FunctionsPath + "/", query, body: null, headers: null, ct, "ListFunctions"));
            using var json = response.Json();
            var functions = json.RootElement.TryGetProperty("Functions", out var items) && items.ValueKind == JsonValueKind.Array
                ? items.EnumerateArray().Select(item => LambdaConfiguration.ToRecord(item, detail)).ToList()
                : [];
            var next = json.RootElement.TryGetProperty("NextMarker", out var nextMarker) && nextMarker.ValueKind == JsonValueKind.String ? nextMarker.GetString() : null;
            return new AwsPage<LambdaFunction>(functions, string.IsNullOrEmpty(next) ? null : next);
        });
        return page;
    }

    /// <summary>
    /// Gets a Lambda function's configuration and tags. Use for its handler, role or limits.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="functionName">Name or ARN.</param>
    [Tool("get_lambda_function", Title = "Get a Lambda function", ReadOnly = true, Idempotent = true, OpenWorld = true)]
    public async Task<LambdaFunction> GetFunctionAsync(
        ToolContext ctx,
        [TargetResource, RegularExpression(LambdaNames.FunctionPattern)] string functionName)
    {
        var response = await AwsCall.ProtocolAsync(ctx, _aws.Target(ctx, "lambda", "GetFunction"), ct =>
            _aws.Protocol(AwsServiceModels.Lambda, ctx).InvokeRestAsync(HttpMethod.Get, FunctionPath(functionName), query: null, body: null, headers: null, ct, "GetFunction"));
        using var json = response.Json();
        var root = json.RootElement;
        var tags = root.TryGetProperty("Tags", out var tagObject) && tagObject.ValueKind == JsonValueKind.Object
            ? tagObject.EnumerateObject().ToDictionary(tag => tag.Name, tag => tag.Value.GetString() ?? string.Empty, StringComparer.Ordinal)
            : new Dictionary<string, string>();
        var function = LambdaConfiguration.ToRecord(root.GetProperty("Configuration"), detail: true, tags);
        ctx.Audit.Resource(function.Details?.Arn ?? functionName);
        return function;
    }

    /// <summary>
    /// Invokes a Lambda function with a JSON payload and returns its status, function error, result and the end of
    /// its log. Use only when asked to run a function: it executes the function's code, which may change things.
    /// mode=dry_run only checks permission; mode=async queues the event without waiting.
    /// </summary>
    /// <param name="ctx">The call.</param>
    /// <param name="functionName">The function name or ARN (optionally with :version or :alias).</param>
    /// <param name="payload">The event as a JSON object (at most 64 KB).</param>
    /// <param name="mode">How to invoke it.</param>
    [Tool("invoke_lambda_function", Title = "Invoke a Lambda function", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    public async Task<LambdaInvocation> InvokeFunctionAsync(
        ToolContext ctx,
        [TargetResource, RegularExpression(LambdaNames.FunctionPattern)] string functionName,
        JsonElement? payload = null,
        LambdaInvocationMode mode = LambdaInvocationMode.Sync)
    {
        var body = payload is { } given ? JsonNode.Parse(given.GetRawText()) : new JsonObject();
        var size = Encoding.UTF8.GetByteCount(body!.ToJsonString());
        if (size > MaxRequestPayloadBytes)
        {
            throw new ToolArgumentException("payload", $"is {size:N0} bytes; this tool sends at most {MaxRequestPayloadBytes:N0}.");
        }

        var headers = new Dictionary<string, string>
        {
            ["X-Amz-Invocation-Type"] = mode switch
            {
                LambdaInvocationMode.Async => "Event",
                LambdaInvocationMode.DryRun => "DryRun",
                _ => "RequestResponse",
            },
        };
        if (mode == LambdaInvocationMode.Sync)
        {
            headers["X-Amz-Log-Type"] = "Tail";
        }

        ctx.Audit.Resource(functionName);
        var response = await AwsCall.ProtocolAsync(ctx, _aws.Target(ctx, "lambda", "Invoke"), ct =>
            _aws.Protocol(AwsServiceModels.Lambda, ctx).InvokeRestAsync(
                HttpMethod.Post, FunctionPath(functionName) + "/invocations", query: null, body, headers, ct, "Invoke", idempotent: false));
        return Describe(functionName, mode, response);
    }

    private static LambdaInvocation Describe(string functionName, LambdaInvocationMode mode, AwsRestResponse response)
    {
        var functionError = response.Headers.GetValueOrDefault("X-Amz-Function-Error");
        var version = response.Headers.GetValueOrDefault("X-Amz-Executed-Version");
        var modeName = mode switch
        {
            LambdaInvocationMode.Async => "async",
            LambdaInvocationMode.DryRun => "dry_run",
            _ => "sync",
        };
        if (mode != LambdaInvocationMode.Sync)
        {
            var queued = mode == LambdaInvocationMode.Async
                ? $"Queued an asynchronous invocation of {functionName}; its result goes to the function's log and destinations."
                : $"Dry run: AWS says you may invoke {functionName}. Nothing ran.";
            return new LambdaInvocation(functionName, modeName, response.StatusCode, null, version, null, 0, false, null, queued);
        }

        var payloadText = Encoding.UTF8.GetString(response.Body);
        var truncated = payloadText.Length > MaxResponsePayloadChars;
        var payload = truncated ? SecretRedactor.RedactText(payloadText[..MaxResponsePayloadChars]) : SecretRedactor.RedactJsonOrText(payloadText);
        var message = functionError is null
            ? $"{functionName} ran and returned {response.Body.Length:N0} bytes."
            : $"{functionName} ran and failed ({functionError} error); its error is in the payload and the log tail.";
        return new LambdaInvocation(functionName, modeName, response.StatusCode, functionError, version, payload, response.Body.Length, truncated, LogTail(response), message);
    }

    private static string? LogTail(AwsRestResponse response)
    {
        if (response.Headers.GetValueOrDefault("X-Amz-Log-Result") is not { Length: > 0 } encoded)
        {
            return null;
        }

        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, bytes, out var length))
        {
            // The function ran; an unreadable log header is not worth failing the call over.
            return null;
        }

        var log = Encoding.UTF8.GetString(bytes, 0, length);
        return SecretRedactor.RedactText(log.Length > MaxLogTailChars ? log[^MaxLogTailChars..] : log);
    }

    private static string FunctionPath(string functionName) => FunctionsPath + "/" + Uri.EscapeDataString(functionName);
}
