using AwsMcp.Bench.Infrastructure;
using BenchmarkDotNet.Attributes;
using ModelContextProtocol.Client;

namespace AwsMcp.Bench.Benchmarks;

/// <summary>
/// Throughput over loopback HTTP with 1, 8 and 64 concurrent clients, each its own MCP connection, sharing one fixed
/// batch of calls. The reported time is per call (the batch divided by its size); calls per second = 1 s / that time.
/// </summary>
[MemoryDiagnoser]
public class ThroughputBenchmarks
{
    /// <summary>Divisible by every client count so that each client makes the same number of calls.</summary>
    private const int CallsPerInvocation = 512;

    private PluginFolder _plugins = null!;
    private RunningServer _server = null!;
    private McpClient[] _clients = [];

    [Params(1, 8, 64)]
    public int Clients { get; set; }

    [GlobalSetup]
    public async Task StartAsync()
    {
        // Created here, not in a field initializer: BenchmarkDotNet also makes instances it never sets up or cleans.
        _plugins = new PluginFolder().WithEcho();
        _server = await RunningServer.StartAwsMcpAsync(_plugins.ServeSettings(), BenchTransport.Loopback);
        _clients = await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => _server.ConnectAsync()));
        await Task.WhenAll(_clients.Select(EchoCalls.CallAsync));
    }

    [GlobalCleanup]
    public async Task StopAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        await _server.DisposeAsync();
        _plugins.Dispose();
    }

    [Benchmark(OperationsPerInvoke = CallsPerInvocation, Description = "tools/call, concurrent clients, loopback HTTP")]
    public Task CallConcurrently() => Task.WhenAll(_clients.Select(client => EchoCalls.CallManyAsync(client, CallsPerInvocation / Clients)));
}
