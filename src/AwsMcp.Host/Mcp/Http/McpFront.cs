using System.Buffers;
using AwsMcp.Host.Callers;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Hosting.Startup;
using AwsMcp.Host.Redaction;
using AwsMcp.Host.Security.RequestFiltering;
using AwsMcp.Host.ToolCalls;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore;

namespace AwsMcp.Host.Mcp.Http;

/// <summary>
/// The host in front of the MCP SDK's Streamable HTTP endpoint, after authentication, Host/Origin filtering and rate
/// limiting ran. It answers stateless <c>tools/list</c> and <c>tools/call</c> itself: the SDK turns a list into a JSON
/// tree, re-serialises it and parses it again per request, and keeps only one value of a repeated property; here a
/// list is cached bytes and a call's arguments are parsed once, strictly. It answers the stateless handshake too
/// (<see cref="HandshakeAnswers"/>), settles an <c>initialize</c> the SDK would fail on (<see cref="InitializeRequests"/>),
/// and answers a session id in stateless mode with the 404 that tells a client to initialise again. Everything else
/// (sessions, other methods, protocol versions it does not know) goes on to the SDK with the body as it came, its
/// answer turned into plain JSON for a client that accepts only that (<see cref="JsonOnlyClients"/>).
/// </summary>
public sealed class McpFront(
    RequestDelegate next,
    ToolRequestHandler handler,
    HandshakeAnswers handshake,
    ICallerIdentityResolver callers,
    IOptionsMonitor<McpOptions> mcp,
    IOptionsMonitor<HttpOptions> http,
    IRedactor redactor,
    StartupWork startup)
{
    /// <summary>Protocol versions whose handshake, <c>tools/list</c> and <c>tools/call</c> are answered here.</summary>
    internal static readonly string[] Versions = ["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"];


    private enum Handling
    {
        /// <summary>Straight to the SDK.</summary>
        Pass,

        /// <summary>Read it for an initialize to settle; the SDK answers.</summary>
        Inspect,

        /// <summary>Answered here when it is a tools request or the handshake, as one SSE event.</summary>
        AnswerAsEvent,

        /// <summary>Answered here when it is a tools request or the handshake, as plain JSON.</summary>
        AnswerAsJson,
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path != McpEndpoint.Path)
        {
            await next(context);
            return;
        }

        try
        {
            await AnswerAsync(context);
        }
        finally
        {
            startup.AnswerSent();
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;

        if (!HttpMethods.IsPost(request.Method))
        {
            await (HttpMethods.IsGet(request.Method) && JsonOnlyClients.AcceptsOnlyJson(request) ? JsonOnlyClients.DescribeEndpointAsync(context) : next(context));
            return;
        }

        if (request.Headers.ContainsKey("Mcp-Session-Id") && mcp.CurrentValue.SessionMode == HttpServerSessionMode.Stateless)
        {
            // No session exists here, so whatever the client holds is stale (it spoke to a stateful server before).
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(
                RefusalBodies.Json("Session not found: this server keeps no sessions. Send initialize again without Mcp-Session-Id."), context.RequestAborted);
            return;
        }

        var handling = Classify(context);
        if (handling == Handling.Pass)
        {
            await Forward(context);
            return;
        }

        var body = await RequestBody.ReadAsync(context, http.CurrentValue.MaxRequestBodyBytes);
        if (body is null)
        {
            return; // answered: too large
        }

        using (body)
        {
            using var toolRequest = handling == Handling.Inspect ? null : JsonRpcToolRequest.TryParse(body.WrittenMemory);
            if (toolRequest is not null)
            {
                // Only a stream can carry notifications before the answer; a JSON-only client gets the answer alone.
                var stream = handling == Handling.AnswerAsEvent ? new ResponseStreamChannel(context.Response, toolRequest.ProgressToken, redactor) : null;
                using var answer = await handler.AnswerAsync(toolRequest, callers.Resolve(context.User), ToolCallChannel.Mcp, context.RequestAborted, stream);
                if (stream is { Started: true })
                {
                    await stream.WriteResultAsync(answer.WrittenMemory, context.RequestAborted);
                }
                else
                {
                    await WriteAsync(context.Response, answer.WrittenMemory, handling == Handling.AnswerAsEvent, context.RequestAborted);
                }

                return;
            }

            // A handshake starts a session in the stateful modes (StatefulForInitializeClients too): the SDK's there.
            var stateless = handling != Handling.Inspect && mcp.CurrentValue.SessionMode == HttpServerSessionMode.Stateless;
            switch (handshake.Read(body.WrittenMemory, stateless, out var handshakeAnswer))
            {
                case HandshakeAnswers.Kind.Initialize or HandshakeAnswers.Kind.Refused:
                    // Refused in a session's handshake too, framed as the client asked (one event when it reads events).
                    var asEvent = handling == Handling.AnswerAsEvent || (handling == Handling.Inspect && !JsonOnlyClients.AcceptsOnlyJson(context.Request));
                    await WriteAsync(context.Response, handshakeAnswer, asEvent, context.RequestAborted);
                    return;
                case HandshakeAnswers.Kind.Notification:
                    Accepted(context.Response);
                    return;
            }

            // Not ours: the SDK reads the same bytes (an initialize with what it left out filled in).
            var settled = InitializeRequests.Settle(body.WrittenMemory);
            if (settled is not null)
            {
                // The handshake now asks for a version this server speaks; a header naming the newer one would
                // contradict the body, and the SDK refuses a request whose header and body disagree.
                context.Request.Headers.Remove("MCP-Protocol-Version");
            }

            var forwarded = settled ?? body.WrittenMemory.ToArray();
            context.Request.Body = new MemoryStream(forwarded, writable: false);
            context.Request.ContentLength = forwarded.Length;
            await Forward(context);
        }
    }

    private Task Forward(HttpContext context) =>
        JsonOnlyClients.AcceptsOnlyJson(context.Request) ? JsonOnlyClients.ForwardAsync(context, next) : next(context);

    private Handling Classify(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers.ContainsKey("Mcp-Session-Id") || !(request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return Handling.Pass; // within a session: never an initialize, and the SDK's to answer
        }

        if (!mcp.CurrentValue.FastPath || mcp.CurrentValue.SessionMode == HttpServerSessionMode.Stateful
            || (request.Headers["MCP-Protocol-Version"] is { Count: > 0 } version && Array.IndexOf(Versions, version.ToString()) < 0))
        {
            return Handling.Inspect;
        }

        var accept = request.GetTypedHeaders().Accept;
        var sse = accept.Any(a => a.MediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase));
        var json = accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));
        return json && sse ? Handling.AnswerAsEvent : JsonOnlyClients.AcceptsOnlyJson(accept) ? Handling.AnswerAsJson : Handling.Inspect;
    }

    // As the SDK accepts a notification: nothing to answer, not cached or transformed by proxies.
    private static void Accepted(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status202Accepted;
        response.Headers.CacheControl = "no-cache,no-store";
        response.Headers.ContentEncoding = "identity";
        response.ContentLength = 0;
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
        response.ContentLength = ResponseStreamChannel.EventPrefix.Length + answer.Length + ResponseStreamChannel.EventSuffix.Length;
        var writer = response.BodyWriter;
        writer.Write(ResponseStreamChannel.EventPrefix);
        writer.Write(answer.Span);
        writer.Write(ResponseStreamChannel.EventSuffix);
        await writer.FlushAsync(cancellationToken);
    }
}
