using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AwsMcp.Host.Tests.Infrastructure;
using AwsMcp.Host.ToolCalls.Audit.JsonLines;

namespace AwsMcp.Host.Tests.CallPipeline;

/// <summary>
/// The real server killed (SIGKILL) under 64 concurrent callers making changes: every change it acknowledged has a
/// durable intent record and a durable outcome record, and the chain verifies (a line torn by the kill is reported
/// as such, not as tampering).
/// </summary>
public sealed class CrashDurabilityTests : IDisposable
{
    private const int Callers = 64;

    private readonly PluginFolder _plugins = new PluginFolder().WithEcho();

    [Fact(Timeout = 180_000)]
    public async Task Every_acknowledged_change_is_on_disk_before_and_after_after_a_kill()
    {
        var host = await HostProcess.StartHttpAsync(_plugins, new Dictionary<string, string?>
        {
            ["AWSMCP__Tools__WritesEnabled"] = "true",
            ["AWSMCP__Http__RateLimitPerMinute"] = "0",
        });
        var acknowledged = new ConcurrentBag<string>();
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var stop = new CancellationTokenSource();
        var callers = Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            // Bounded: at most 200 calls per caller, and the kill ends every loop.
            for (var n = 0; n < 200 && !stop.IsCancellationRequested; n++)
            {
                var thing = $"c{caller}-{n}";
                try
                {
                    if (await TagAsync(http, thing, stop.Token))
                    {
                        acknowledged.Add(thing);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
                {
                    return;
                }
            }
        })).ToList();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (acknowledged.Count < 400 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await host.KillAsync();
        await stop.CancelAsync();
        await Task.WhenAll(callers);
        await host.DisposeAsync();

        Assert.True(acknowledged.Count >= 400, $"only {acknowledged.Count} calls were acknowledged before the deadline");
        var verification = AuditChainVerifier.Verify(_plugins.AuditPath);
        Assert.True(verification.Intact, verification.Problem);

        var records = AuditRecords();
        var intents = records.Where(r => r.GetProperty("kind").GetString() == "intent")
            .ToDictionary(r => r.GetProperty("arguments").GetProperty("thing_id").GetString()!, r => r.GetProperty("correlationId").GetString()!);
        var outcomes = records.Where(r => r.GetProperty("kind").GetString() == "outcome")
            .ToDictionary(r => r.GetProperty("correlationId").GetString()!, r => r.GetProperty("outcome").GetString()!);
        Assert.All(acknowledged, thing =>
        {
            Assert.True(intents.TryGetValue(thing, out var correlation), $"{thing} was acknowledged but has no intent record");
            Assert.True(outcomes.TryGetValue(correlation!, out var outcome), $"{thing} was acknowledged but has no outcome record");
            Assert.Equal("Succeeded", outcome);
        });
    }

    public void Dispose() => _plugins.Dispose();

    private static async Task<bool> TagAsync(HttpClient http, string thing, CancellationToken cancellationToken)
    {
        var body = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"tag_thing","arguments":{"thing_id":"THING"}}}""".Replace("THING", thing, StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode && text.Contains($"tagged {thing}", StringComparison.Ordinal) && !text.Contains("\"isError\":true", StringComparison.Ordinal);
    }

    // Every whole line of every segment (a line torn by the kill is not a record).
    private List<JsonElement> AuditRecords()
    {
        var records = new List<JsonElement>();
        foreach (var file in Directory.GetFiles(_plugins.AuditPath, "*.jsonl"))
        {
            var text = File.ReadAllText(file);
            foreach (var line in text.Split('\n')[..^1])
            {
                using var document = JsonDocument.Parse(line);
                records.Add(document.RootElement.Clone());
            }
        }

        return records;
    }
}
