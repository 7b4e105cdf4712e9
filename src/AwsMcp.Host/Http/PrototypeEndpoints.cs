using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcp.Host.Callers;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Mcp;
using AwsMcp.Host.ToolCalls;
using AwsMcp.Host.ToolCalls.Authorization;
using AwsMcp.Host.Tools;
using Microsoft.Extensions.Options;
using ModelContextProtocol;

namespace AwsMcp.Host.Http;

/// <summary>
/// The Python prototype's endpoints, kept for existing users. They answer plain JSON (not SSE) and are thin: the
/// tool list comes from the same policy-filtered MCP tools and calls go through the same <see cref="ToolCallPipeline"/>.
/// </summary>
public static class PrototypeEndpoints
{
    public const string McpPath = "/mcp";

    /// <summary>The prototype served MCP at <c>POST /</c>; forward it to the real endpoint before routing.</summary>
    public static IApplicationBuilder UsePrototypeRootAlias(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path == "/")
        {
            context.Request.Path = McpPath;
        }

        return next(context);
    });

    public static IEndpointRouteBuilder MapPrototypeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/mcp/manifest.json", (ToolPolicy policy, ICallerIdentityResolver callers, McpToolCollection tools, IOptions<McpOptions> options, HttpContext http) =>
        {
            var manifest = new JsonObject
            {
                ["name"] = options.Value.ServerName,
                ["version"] = McpServerRegistration.ServerVersion,
                ["description"] = "AWS tools for AI agents over MCP (Streamable HTTP at /mcp).",
                ["endpoints"] = new JsonObject { ["mcp"] = McpPath, ["list"] = "/mcp/tools/list", ["call"] = "/mcp/tools/call" },
                ["tools"] = ListTools(policy, callers.Resolve(http.User), tools),
            };
            return Json(manifest);
        });

        endpoints.MapPost("/mcp/tools/list", async (HttpContext http, ToolPolicy policy, ICallerIdentityResolver callers, McpToolCollection tools) =>
        {
            var request = await ReadRequestAsync(http);
            return request is null ? Json(Error(null, -32700, "Parse error"))
                : request.Method != "tools/list" ? Json(Error(request.Id, -32601, "Method not found"))
                : Json(Result(request.Id, new JsonObject { ["tools"] = ListTools(policy, callers.Resolve(http.User), tools) }));
        });

        endpoints.MapPost("/mcp/tools/call", async (HttpContext http, ToolCallPipeline pipeline, ToolRegistry registry, ICallerIdentityResolver callers) =>
        {
            var request = await ReadRequestAsync(http);
            if (request is null)
            {
                return Json(Error(null, -32700, "Parse error"));
            }

            if (request.Method != "tools/call")
            {
                return Json(Error(request.Id, -32601, "Method not found"));
            }

            if (request.Params is not { ValueKind: JsonValueKind.Object } parameters
                || !parameters.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
            {
                return Json(Error(request.Id, -32602, "Missing tool name"));
            }

            var toolName = name.GetString()!;
            if (!registry.TryGet(toolName, out var tool))
            {
                return Json(Error(request.Id, -32602, $"Unknown tool: '{toolName}'"));
            }

            JsonElement? arguments = parameters.TryGetProperty("arguments", out var args) ? args : null;
            var result = await pipeline.InvokeAsync(
                new ToolCallRequest(toolName, arguments, callers.Resolve(http.User), ToolCallChannel.PrototypeHttp), http.RequestAborted);
            return Json(Result(request.Id, JsonSerializer.SerializeToNode(ToolResultMapper.ToCallToolResult(tool, result), McpJsonUtilities.DefaultOptions)));
        });

        return endpoints;
    }

    private static JsonArray ListTools(ToolPolicy policy, AwsMcp.Abstractions.CallerIdentity caller, McpToolCollection tools) =>
        [.. policy.VisibleTools(caller)
            .Select(t => tools.Tools.TryGetPrimitive(t.Name, out var tool) ? JsonSerializer.SerializeToNode(tool.ProtocolTool, McpJsonUtilities.DefaultOptions) : null)
            .Where(node => node is not null)];

    private static async Task<JsonRpcRequest?> ReadRequestAsync(HttpContext http)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return new JsonRpcRequest(
                root.TryGetProperty("id", out var id) ? JsonNode.Parse(id.GetRawText()) : null,
                root.TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.String ? method.GetString() : null,
                root.TryGetProperty("params", out var parameters) ? parameters.Clone() : null);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonObject Result(JsonNode? id, JsonNode? result) => new() { ["jsonrpc"] = "2.0", ["id"] = id, ["result"] = result };

    private static JsonObject Error(JsonNode? id, int code, string message) =>
        new() { ["jsonrpc"] = "2.0", ["id"] = id, ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    private static IResult Json(JsonNode node) => Results.Text(node.ToJsonString(), "application/json");

    private sealed record JsonRpcRequest(JsonNode? Id, string? Method, JsonElement? Params);
}
