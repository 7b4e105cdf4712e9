using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace AwsMcp.Host.Tests.Infrastructure;

/// <summary>
/// Posts a JSON-RPC body as raw bytes (so that repeated properties and escapes reach the server as written) and reads
/// the message answered, from SSE's data line or the plain body.
/// </summary>
internal static class RawPost
{
    /// <summary>The status and the message answered (null for an empty body).</summary>
    public static async Task<(HttpStatusCode Status, string? Message)> SendAsync(InProcessServer server, string path, string body, bool sse = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.ParseAdd("application/json");
        if (sse)
        {
            request.Headers.Accept.ParseAdd("text/event-stream");
        }

        using var response = await server.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var message = text.Length == 0 || text.StartsWith('{') ? text : text.Split('\n').Single(l => l.StartsWith("data: ", StringComparison.Ordinal))["data: ".Length..];
        return (response.StatusCode, message.Length == 0 ? null : message);
    }
}
