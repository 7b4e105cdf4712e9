using System.Diagnostics;
using System.Text.RegularExpressions;
using AwsMcp.Bench.Infrastructure;
using ModelContextProtocol.Client;

namespace AwsMcp.Bench.Harness;

/// <summary><c>dotnet awsmcp.dll serve</c> as an operator starts it, on a free loopback port, timed to its first tools/list.</summary>
internal sealed partial class ServeProcess : IAsyncDisposable
{
    private readonly ChildProcess _child;

    private ServeProcess(ChildProcess child, Uri endpoint, McpClient client, int tools, TimeSpan coldStart)
    {
        _child = child;
        Endpoint = endpoint;
        Client = client;
        Tools = tools;
        ColdStart = coldStart;
    }

    public Uri Endpoint { get; }

    /// <summary>The client that made the first successful tools/list.</summary>
    public McpClient Client { get; }

    public int Tools { get; }

    /// <summary>From starting the process to the first successful tools/list.</summary>
    public TimeSpan ColdStart { get; }

    public long ResidentBytes() => _child.ResidentBytes();

    /// <inheritdoc cref="ChildProcess.DumpAsync"/>
    public Task<string> DumpAsync() => _child.DumpAsync();

    /// <param name="environment">More environment (e.g. AWS_ENDPOINT_URL of a sandbox in another process).</param>
    /// <param name="arguments">More arguments to <c>serve</c> (e.g. <c>--sandbox</c>).</param>
    public static async Task<ServeProcess> StartAsync(
        PluginFolder plugins, HttpClient http, IReadOnlyDictionary<string, string>? environment = null, params string[] arguments)
    {
        var start = Stopwatch.GetTimestamp();
        var child = ChildProcess.StartDotnet(
            [BenchPaths.HostAssembly, "serve", "--urls", "http://127.0.0.1:0", "--plugins", plugins.Path, .. arguments],
            line => ListeningOn().IsMatch(line),
            new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
            {
                ["AWSMCP__Plugins__ShadowCopyPath"] = plugins.ShadowPath,
                ["AWSMCP__Audit__Path"] = plugins.AuditPath,
                ["AWSMCP__Plugins__Watch"] = "false",
                // The per-caller limit (300 a minute) would refuse the memory run's 10,000 calls.
                ["AWSMCP__Http__RateLimitPerMinute"] = "0",
                // Tool packs read their region at load time; nothing is called, so no credentials are needed.
                ["AWS_REGION"] = "us-east-1",
            });
        try
        {
            var listening = ListeningOn().Match(await child.WaitUntilReadyAsync(TimeSpan.FromSeconds(60)));
            var endpoint = new Uri(new Uri(listening.Groups[1].Value), "/mcp");
            var client = await BenchClient.ConnectAsync(http, endpoint);
            var tools = await client.ListToolsAsync();
            return new ServeProcess(child, endpoint, client, tools.Count, Stopwatch.GetElapsedTime(start));
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await _child.DisposeAsync();
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    internal static partial Regex ListeningOn();
}
