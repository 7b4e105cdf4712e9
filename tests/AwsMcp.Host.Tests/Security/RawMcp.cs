using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AwsMcp.Host.Tests.Security;

/// <summary>Plain HTTP requests to <c>/mcp</c>, for status codes and headers the MCP client hides.</summary>
internal static class RawMcp
{
    public static HttpRequestMessage Request(string method, object? parameters = null, string? bearer = null)
    {
        var body = JsonSerializer.Serialize(new { jsonrpc = "2.0", id = 1, method, @params = parameters ?? new { } });
        var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }

    /// <summary>The JSON-RPC <c>result</c> of an SSE-framed answer.</summary>
    public static async Task<JsonElement> ResultAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var data = text.Split('\n').Single(line => line.StartsWith("data: ", StringComparison.Ordinal))["data: ".Length..];
        using var document = JsonDocument.Parse(data);
        return document.RootElement.GetProperty("result").Clone();
    }

    public static async Task<IReadOnlyList<string>> ToolNamesAsync(HttpClient http, string? bearer = null)
    {
        using var response = await http.SendAsync(Request("tools/list", bearer: bearer));
        response.EnsureSuccessStatusCode();
        return [.. (await ResultAsync(response)).GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()!)];
    }
}
