using System.Reflection;
using AwsMcp.Host.Hosting;
using AwsMcp.Host.SharedState;
using AwsMcp.Host.SharedState.Redis;
using AwsMcp.Host.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace AwsMcp.Host.Tests.SharedState;

/// <summary>
/// A Redis whose every command fails as an unreachable one does (no Redis needed): the shared stores over it, and the
/// health and log lines they report.
/// </summary>
internal sealed class FailingRedis
{
    public FailingRedis()
    {
        Background = new BackgroundHealth(Time);
        Health = new SharedStoreHealth(Background, new Logger<SharedStoreHealth>(new LoggerFactory([Logs])));
        Store = new RedisStore(DispatchProxy.Create<IDatabase, Failing>(), Health, "Redis test:6379");
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));

    public CapturingLoggerProvider Logs { get; } = new();

    public BackgroundHealth Background { get; }

    public SharedStoreHealth Health { get; }

    public RedisStore Store { get; }

    /// <summary>Every command throws what StackExchange.Redis throws when the connection is gone.</summary>
    public class Failing : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new RedisConnectionException(
                ConnectionFailureType.SocketFailure, CommandFlags.None, "No connection is active/available to service this operation", null, CommandStatus.Unknown);
    }
}
