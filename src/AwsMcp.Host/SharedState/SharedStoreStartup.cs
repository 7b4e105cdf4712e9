using AwsMcp.Host.SharedState.Redis;

namespace AwsMcp.Host.SharedState;

/// <summary>
/// Connects to the shared store before the server answers, so that the first confirmed call finds it (bounded by the
/// connection string's <c>connectTimeout</c>). A store that is down does not stop the start: the server starts
/// degraded, says so, and the connection keeps retrying.
/// </summary>
public sealed class SharedStoreStartup(RedisStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.StartedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
