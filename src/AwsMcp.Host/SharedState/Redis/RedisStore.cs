using AwsMcp.Host.Configuration;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace AwsMcp.Host.SharedState.Redis;

/// <summary>
/// The one connection to the Redis the replicas share (<c>AwsMcp:SharedState:Redis</c>), opened when the server starts
/// and reconnected by StackExchange.Redis on its own. The stores ask it for the database before every operation and
/// report how the operation went, so that an unreachable store is noticed at once (<see cref="SharedStoreHealth"/>)
/// and costs no timeout per request while the connection is known to be down.
/// </summary>
public sealed class RedisStore : IAsyncDisposable
{
    private readonly SharedStoreHealth _health;
    private readonly string _prefix;
    private readonly Task<ConnectionMultiplexer?> _connecting;
    private readonly IDatabase? _database;

    public RedisStore(IOptions<SharedStateOptions> options, SharedStoreHealth health)
    {
        _health = health;
        _prefix = options.Value.KeyPrefix;
        var configuration = options.Value.RedisConfiguration();
        Name = $"Redis {string.Join(",", configuration.EndPoints.Select(endpoint => endpoint.ToString()))}";
        _connecting = ConnectAsync(configuration);
    }

    /// <summary>A store that is always connected to <paramref name="database"/>: tests give one whose every command fails.</summary>
    internal RedisStore(IDatabase database, SharedStoreHealth health, string name)
    {
        _health = health;
        _prefix = "";
        _database = database;
        Name = name;
        _connecting = Task.FromResult<ConnectionMultiplexer?>(null);
    }

    /// <summary>The store as logs and readiness name it: its endpoints, never its password.</summary>
    public string Name { get; }

    /// <summary>True for what a store operation throws when the store is unreachable, slow or refuses (a replica in read-only mode).</summary>
    public static bool IsStoreFailure(Exception exception) => exception is RedisException or TimeoutException or ObjectDisposedException;

    /// <summary>Waits for the first connection attempt (at start), however it went.</summary>
    public Task StartedAsync(CancellationToken cancellationToken) => _connecting.WaitAsync(cancellationToken);

    /// <summary>The database under the key prefix, or null while the store is not connected (reported as unreachable).</summary>
    public async ValueTask<IDatabase?> DatabaseAsync(CancellationToken cancellationToken)
    {
        if (!_connecting.IsCompleted)
        {
            await _connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return Database();
    }

    /// <summary>
    /// The database without waiting: null until the first connection attempt has finished or while the store is not
    /// connected (reported as unreachable).
    /// </summary>
    public IDatabase? Database()
    {
        if (_database is not null)
        {
            return _database;
        }

        if (!_connecting.IsCompletedSuccessfully || _connecting.Result is not { } connection)
        {
            return null;
        }

        if (!connection.IsConnected)
        {
            _health.Failed(Name, "not connected");
            return null;
        }

        return connection.GetDatabase().WithKeyPrefix(_prefix);
    }

    /// <summary>An operation went through.</summary>
    public void Succeeded() => _health.Succeeded(Name);

    /// <summary>An operation failed with <paramref name="exception"/> (<see cref="IsStoreFailure"/>).</summary>
    public void Failed(Exception exception) => _health.Failed(Name, Reason(exception));

    public async ValueTask DisposeAsync()
    {
        if (_connecting.IsCompletedSuccessfully && _connecting.Result is { } connection)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<ConnectionMultiplexer?> ConnectAsync(ConfigurationOptions configuration)
    {
        // AbortOnConnectFail is off (SharedStateOptions): a store that is down at start gives a connection that keeps
        // retrying, so the server starts degraded and recovers on its own. Anything else that fails here leaves the
        // server degraded for good, and says so.
        ConnectionMultiplexer connection;
        try
        {
            connection = await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
        }
        catch (Exception e) when (IsStoreFailure(e) || e is ArgumentException or InvalidOperationException)
        {
            _health.Failed(Name, Reason(e));
            return null;
        }

        connection.ConnectionFailed += (_, failed) => _health.Failed(Name, $"{failed.FailureType}: {Reason(failed.Exception)}");
        connection.ConnectionRestored += (_, _) =>
        {
            if (connection.IsConnected)
            {
                _health.Succeeded(Name);
            }
        };
        if (connection.IsConnected)
        {
            _health.Succeeded(Name);
        }
        else
        {
            _health.Failed(Name, "no connection at start");
        }

        return connection;
    }

    // The first line of the message, bounded: connection messages carry endpoints and the client's state, not passwords.
    private static string Reason(Exception? exception) => exception?.Message.Split('\n')[0] is { } message
        ? message.Length > 200 ? message[..200] : message
        : "connection lost";
}
