namespace AwsMcp.TestSupport.ScaleOut;

/// <summary>
/// A real <c>redis-server</c> on 127.0.0.1, in memory only (no RDB, no AOF), that can be stopped and started again on
/// the same port to rehearse an outage.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private ChildProcess? _process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string replicas are given.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer(FreePort.Next());
        await server.RestartAsync();
        return server;
    }

    /// <summary>Starts the server again after <see cref="StopAsync"/> (empty: it keeps nothing on disk).</summary>
    public async Task RestartAsync() =>
        _process = await ChildProcess.StartAsync(
            "redis-server",
            "redis-server",
            ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no"],
            new Dictionary<string, string?>(),
            line => line.Contains("Ready to accept connections", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));

    /// <summary>Kills the server (SIGKILL), as an outage would.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
