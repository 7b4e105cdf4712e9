using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcp.Host.Buffers;
using AwsMcp.Host.Callers;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Mcp;
using AwsMcp.Host.Mcp.Http;
using AwsMcp.Host.ToolCalls;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Http;

/// <summary>
/// The Python prototype's endpoints, kept for existing users. They answer plain JSON (not SSE) and are thin: lists
/// come from the same cache and calls go through the same parsing and <see cref="ToolCallPipeline"/> as MCP.
/// </summary>
public static class PrototypeEndpoints
{
    /// <summary>The prototype served MCP at <c>POST /</c>; forward it to the real endpoint before routing.</summary>
    public static IApplicationBuilder UsePrototypeRootAlias(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path == "/")
        {
            context.Request.Path = McpEndpoint.Path;
        }

        return next(context);
    });

    // Plain request delegates: see HealthEndpoints.
    public static IEndpointRouteBuilder MapPrototypeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/mcp/manifest.json", new RequestDelegate(ManifestAsync));
        endpoints.MapPost("/mcp/tools/list", new RequestDelegate(http => AnswerAsync(http, JsonRpcToolRequest.ToolsList)));
        endpoints.MapPost("/mcp/tools/call", new RequestDelegate(http => AnswerAsync(http, JsonRpcToolRequest.ToolsCall)));
        return endpoints;
    }

    private static Task ManifestAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<McpOptions>>().Value;
        var caller = services.GetRequiredService<ICallerIdentityResolver>().Resolve(http.User);
        var manifest = new JsonObject
        {
            ["name"] = options.ServerName,
            ["version"] = McpServerRegistration.ServerVersion,
            ["description"] = "AWS tools for AI agents over MCP (Streamable HTTP at /mcp).",
            ["endpoints"] = new JsonObject { ["mcp"] = McpEndpoint.Path, ["list"] = "/mcp/tools/list", ["call"] = "/mcp/tools/call" },
            ["tools"] = JsonNode.Parse(services.GetRequiredService<ToolListCache>().For(caller).Json),
        };
        return Results.Text(manifest.ToJsonString(), "application/json").ExecuteAsync(http);
    }

    private static async Task AnswerAsync(HttpContext http, string method)
    {
        var services = http.RequestServices;
        using var body = await RequestBody.ReadAsync(http, services.GetRequiredService<IOptionsMonitor<HttpOptions>>().CurrentValue.MaxRequestBodyBytes);
        if (body is null)
        {
            return;
        }

        using var request = JsonRpcToolRequest.TryParse(body.WrittenMemory);
        http.Response.ContentType = "application/json";
        if (request is null || request.Method != method)
        {
            // Another method (initialize, ping…) is valid JSON-RPC, just not this endpoint's: say where it goes, with its id.
            var other = request is null ? OtherRequest(body.WrittenMemory) : (request.Id, request.Method);
            var (code, message) = other is { } known
                ? (-32601, $"Method not found: this endpoint answers only {method}; send {known.Method} to POST {McpEndpoint.Path}")
                : (-32700, "Parse error: expected one JSON-RPC request");
            using var error = new PooledBufferWriter(256);
            using (var writer = CallToolResultJson.CreateWriter(error))
            {
                CallToolResultJson.WriteError(writer, other?.Id ?? [], code, message);
            }

            await http.Response.Body.WriteAsync(error.WrittenMemory, http.RequestAborted);
            return;
        }

        var caller = services.GetRequiredService<ICallerIdentityResolver>().Resolve(http.User);
        using var answer = await services.GetRequiredService<ToolRequestHandler>().AnswerAsync(request, caller, ToolCallChannel.PrototypeHttp, http.RequestAborted);
        await http.Response.Body.WriteAsync(answer.WrittenMemory, http.RequestAborted);
    }

    private static (byte[] Id, string Method)? OtherRequest(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("method", out var name) && name.ValueKind == JsonValueKind.String
                ? (document.RootElement.TryGetProperty("id", out var id) ? Encoding.UTF8.GetBytes(id.GetRawText()) : [], name.GetString()!)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
