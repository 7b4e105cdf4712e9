using System.Buffers;
using AwsMcp.Host.Callers;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.ToolCalls;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore;

namespace AwsMcp.Host.Mcp.Http;

/// <summary>
/// Answers stateless Streamable HTTP <c>tools/list</c> and <c>tools/call</c> requests in front of the MCP SDK, after
/// authentication, Host/Origin filtering and rate limiting ran. The SDK turns a list into a JSON tree, re-serialises
/// it and parses it again per request, and keeps only one value of a repeated property; here a list is cached
/// bytes and a call's arguments are parsed once, strictly. Everything else (initialize, notifications, sessions, other
/// methods, protocol versions it does not know) goes on to the SDK with the body as it came.
/// </summary>
public sealed class StatelessToolRequests(
    RequestDelegate next, ToolRequestHandler handler, ICallerIdentityResolver callers, IOptionsMonitor<McpOptions> mcp, IOptionsMonitor<HttpOptions> http)
{
    /// <summary>Protocol versions whose <c>tools/list</c> and <c>tools/call</c> are answered here.</summary>
    private static readonly string[] Versions = ["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"];

    private static readonly byte[] EventPrefix = "event: message\ndata: "u8.ToArray();
    private static readonly byte[] EventSuffix = "\n\n"u8.ToArray();

    public async Task InvokeAsync(HttpContext context)
    {
        var format = Candidate(context);
        if (format is null)
        {
            await next(context);
            return;
        }

        var body = await RequestBody.ReadAsync(context, http.CurrentValue.MaxRequestBodyBytes);
        if (body is null)
        {
            return; // answered: too large
        }

        using (body)
        {
            using var request = JsonRpcToolRequest.TryParse(body.WrittenMemory);
            if (request is null)
            {
                // Not ours: the SDK reads the same bytes.
                context.Request.Body = new MemoryStream(body.WrittenMemory.ToArray(), writable: false);
                await next(context);
                return;
            }

            using var answer = await handler.AnswerAsync(request, callers.Resolve(context.User), ToolCallChannel.Mcp, context.RequestAborted);
            await WriteAsync(context.Response, answer.WrittenMemory, format.Value, context.RequestAborted);
        }
    }

    /// <summary>Whether this request may be answered here, and as SSE (true) or plain JSON (false).</summary>
    private bool? Candidate(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || request.Path != McpEndpoint.Path || !mcp.CurrentValue.FastPath
            || mcp.CurrentValue.SessionMode == HttpServerSessionMode.Stateful
            || request.Headers.ContainsKey("Mcp-Session-Id")
            || (request.Headers["MCP-Protocol-Version"] is { Count: > 0 } version && Array.IndexOf(Versions, version.ToString()) < 0)
            || !(request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return null;
        }

        var accept = request.GetTypedHeaders().Accept;
        var sse = accept.Any(a => a.MediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase));
        var json = accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));
        return json && sse ? true : json ? false : null;
    }

    private static async Task WriteAsync(HttpResponse response, ReadOnlyMemory<byte> answer, bool sse, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        if (!sse)
        {
            response.ContentType = "application/json";
            response.ContentLength = answer.Length;
            await response.Body.WriteAsync(answer, cancellationToken);
            return;
        }

        // As the SDK frames a stateless answer: one SSE event, not cached or transformed by proxies.
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache,no-store";
        response.Headers.ContentEncoding = "identity";
        response.ContentLength = EventPrefix.Length + answer.Length + EventSuffix.Length;
        var writer = response.BodyWriter;
        writer.Write(EventPrefix);
        writer.Write(answer.Span);
        writer.Write(EventSuffix);
        await writer.FlushAsync(cancellationToken);
    }
}
