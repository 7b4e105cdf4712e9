using System.Diagnostics;
using System.Net.Http.Headers;

namespace AwsMcp.Bench.Load;

/// <summary>
/// A fixed-count, closed-loop load over loopback, like <c>hey -n N -c C</c>: <c>clients</c> connections, each sending
/// its share of the requests one after another. Every answer must be 200 and contain what the scenario expects.
/// </summary>
internal static class LoadGenerator
{
    public static async Task<double> RequestsPerSecondAsync(LoadScenario scenario, Uri baseAddress, int clients, int requests)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var perClient = requests / clients;
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < perClient; i++)
            {
                await SendAsync(http, scenario);
            }
        })));
        return perClient * clients / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static async Task SendAsync(HttpClient http, LoadScenario scenario)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, scenario.Path) { Content = new ByteArrayContent(scenario.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !body.Contains(scenario.Expect, StringComparison.Ordinal) || body.Contains("\"isError\":true", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{scenario.Name}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
        }
    }
}

/// <summary>One request a server is loaded with: what to post and what its answer must contain.</summary>
internal sealed record LoadScenario(string Name, string Path, byte[] Body, string Expect)
{
    public static LoadScenario ToolsList { get; } = new("tools/list", "/mcp", """{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}"""u8.ToArray(), "\"tools\"");

    public static LoadScenario Echo { get; } = new(
        "echo", "/mcp", """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"text":"benchmark","upper":true}}}"""u8.ToArray(), "BENCHMARK");

    public static LoadScenario Call(string tool, string argumentsJson, string expect) => new(
        tool,
        "/mcp",
        System.Text.Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":""" + $"\"{tool}\",\"arguments\":{argumentsJson}}}}}"),
        expect);
}
