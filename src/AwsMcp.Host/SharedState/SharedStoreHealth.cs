using AwsMcp.Host.Hosting;

namespace AwsMcp.Host.SharedState;

/// <summary>
/// Whether the store the replicas share is reachable, as the connection and every operation find it. Said once per
/// change, not per request: a warning when it goes (with what the replica does meanwhile), information when it is
/// back, and <c>/health/ready</c> degraded with the reason in between (<see cref="BackgroundHealth"/>).
/// </summary>
public sealed partial class SharedStoreHealth(BackgroundHealth background, ILogger<SharedStoreHealth> logger)
{
    /// <summary>The component's name in <c>/health/ready</c>.</summary>
    public const string Component = "shared-state";

    /// <summary>What a replica does while the store is unreachable, in the words the readiness answer and the log use.</summary>
    public const string Meanwhile =
        "destructive calls with a confirmation token are refused, rate limits count per replica, toolset choices and pack caches stay on this replica";

    private const int Unknown = 0;
    private const int Up = 1;
    private const int Down = 2;

    private int _state = Unknown;

    /// <summary>True once the store answered and until it fails.</summary>
    public bool Reachable => Volatile.Read(ref _state) == Up;

    /// <summary>The store answered (<paramref name="store"/> names it, without credentials).</summary>
    public void Succeeded(string store)
    {
        if (Interlocked.Exchange(ref _state, Up) == Up)
        {
            return;
        }

        background.Healthy(Component, $"{store} reachable");
        LogReachable(logger, store);
    }

    /// <summary>The store could not be reached or did not answer; <paramref name="reason"/> says how.</summary>
    public void Failed(string store, string reason)
    {
        if (Interlocked.Exchange(ref _state, Down) == Down)
        {
            return;
        }

        background.Degraded(Component, $"{store} unreachable ({reason}): {Meanwhile}");
        LogUnreachable(logger, store, reason, Meanwhile);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shared state store {Store} is reachable: replicas share used confirmation tokens, rate limits, toolset choices and pack caches")]
    private static partial void LogReachable(ILogger logger, string store);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shared state store {Store} is unreachable ({Reason}); until it is back, {Meanwhile}. Reconnection is automatic")]
    private static partial void LogUnreachable(ILogger logger, string store, string reason, string meanwhile);
}
