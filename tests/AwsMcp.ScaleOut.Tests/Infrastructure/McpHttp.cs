using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AwsMcp.TestSupport.ScaleOut;

namespace AwsMcp.ScaleOut.Tests.Infrastructure;

/// <summary>
/// Stateless MCP over HTTP as Copilot Studio speaks it: every POST to <c>/mcp</c> on its own, with the caller's key,
/// plain JSON answers. Each request is bounded in time.
/// </summary>
internal sealed class McpHttp : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) }) { Timeout = RequestTimeout };

    public Task<McpAnswer> CallAsync(Uri server, Caller caller, string tool, object arguments) =>
        SendAsync(server, caller, "tools/call", new { name = tool, arguments });

    public Task<McpAnswer> ListAsync(Uri server, Caller caller) => SendAsync(server, caller, "tools/list", new { });

    /// <summary>The names <c>tools/list</c> gives <paramref name="caller"/> on <paramref name="server"/>.</summary>
    public async Task<IReadOnlyList<string>> ToolNamesAsync(Uri server, Caller caller)
    {
        var answer = await ListAsync(server, caller);
        Assert.True(answer.Result is not null, $"tools/list: {(int)answer.Status} {answer.Body}");
        return [.. answer.Result!.Value.GetProperty("tools").EnumerateArray().Select(tool => tool.GetProperty("name").GetString()!)];
    }

    /// <summary><c>GET</c> of <paramref name="path"/> (health), as <paramref name="caller"/> when given.</summary>
    public async Task<McpAnswer> GetAsync(Uri server, string path, Caller? caller = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server, path));
        if (caller is not null)
        {
            request.Headers.Add("X-Api-Key", caller.Key);
        }

        return await ReadAsync(request);
    }

    public void Dispose() => _http.Dispose();

    private async Task<McpAnswer> SendAsync(Uri server, Caller caller, string method, object parameters)
    {
        var body = JsonSerializer.Serialize(new { jsonrpc = "2.0", id = 1, method, @params = parameters });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, "mcp")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Add("X-Api-Key", caller.Key);
        return await ReadAsync(request);
    }

    private async Task<McpAnswer> ReadAsync(HttpRequestMessage request)
    {
        using var response = await _http.SendAsync(request);
        var upstream = response.Headers.TryGetValues(NginxBalancer.UpstreamHeader, out var values) ? values.First() : null;
        var retryAfter = response.Headers.TryGetValues("Retry-After", out var retry) ? retry.First() : null;
        return new McpAnswer(response.StatusCode, upstream, retryAfter, await response.Content.ReadAsStringAsync());
    }
}
