using System.Text;
using AwsMcp.Host.Security.RequestFiltering;
using Microsoft.Net.Http.Headers;

namespace AwsMcp.Host.Mcp.Http;

/// <summary>
/// Clients that accept only JSON (the prototype's, curl, simple HTTP clients): the SDK answers every POST as one SSE
/// event and refuses them with 406, so their requests reach it accepting both and its event comes back as the plain
/// JSON-RPC message it carries. A plain <c>GET</c> gets a body that says what the endpoint is instead of a bare 405.
/// </summary>
public static class JsonOnlyClients
{
    private const string DataPrefix = "data: ";

    /// <summary>True when the client did not ask for SSE but takes JSON (explicitly, by wildcard, or by saying nothing).</summary>
    public static bool AcceptsOnlyJson(HttpRequest request) => AcceptsOnlyJson(request.GetTypedHeaders().Accept);

    /// <inheritdoc cref="AcceptsOnlyJson(HttpRequest)"/>
    public static bool AcceptsOnlyJson(IList<MediaTypeHeaderValue> accept) =>
        accept.Count == 0
            || (!accept.Any(a => a.MediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase))
                && accept.Any(a => a.MediaType.Value is "application/json" or "application/*" or "*/*"));

    /// <summary>Lets the SDK answer as it does, then hands its one event's message on as <c>application/json</c>.</summary>
    public static async Task ForwardAsync(HttpContext context, RequestDelegate next)
    {
        context.Request.Headers.Accept = "application/json, text/event-stream";
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var body = buffer.ToArray();
        if (context.Response.ContentType?.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase) == true && Message(body) is { } message)
        {
            body = message;
            context.Response.ContentType = "application/json";
            context.Response.Headers.Remove(HeaderNames.ContentEncoding);
            context.Response.Headers.Remove(HeaderNames.CacheControl);
        }

        context.Response.ContentLength = body.Length;
        await original.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>Answers a <c>GET /mcp</c> that does not ask for an event stream.</summary>
    public static Task DescribeEndpointAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = "POST";
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(
            RefusalBodies.Json("This is an MCP endpoint (Streamable HTTP): POST JSON-RPC messages here, e.g. " +
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"} with Content-Type: application/json. " +
                "From a terminal: awsmcp tools list --url <this URL>; or connect MCP Inspector to it."),
            context.RequestAborted);
    }

    // The data of the first event: the SDK frames one JSON-RPC message per event, on one line.
    private static byte[]? Message(byte[] events)
    {
        var text = Encoding.UTF8.GetString(events);
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(DataPrefix, StringComparison.Ordinal))
            {
                return Encoding.UTF8.GetBytes(line[DataPrefix.Length..].TrimEnd('\r'));
            }
        }

        return null;
    }
}
