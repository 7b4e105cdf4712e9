using System.Collections.Concurrent;

namespace AwsMcp.Sandbox.Core;

/// <summary>
/// What every service emulator is constructed with: the known credentials, the sandbox clock, and the state several
/// emulators of this sandbox share (<see cref="Shared{T}"/>).
/// </summary>
public sealed class SandboxContext
{
    private readonly ConcurrentDictionary<Type, object> _shared = new();

    public SandboxContext(SandboxIdentities identities, TimeProvider time)
    {
        Identities = identities;
        Time = time;
        SeedTime = time.GetUtcNow();
    }

    public SandboxIdentities Identities { get; }

    public TimeProvider Time { get; }

    /// <summary>The instant the seeded estate is relative to (launch times, cost months, key ages).</summary>
    public DateTimeOffset SeedTime { get; }

    /// <summary>
    /// State that several emulators share (IAM roles read by STS, log groups written by Lambda), created once for this
    /// sandbox: emulators are constructed independently, and two sandboxes in one process never see each other's.
    /// </summary>
    public T Shared<T>(Func<SandboxContext, T> create)
        where T : class => (T)_shared.GetOrAdd(typeof(T), static (_, state) => state.create(state.context), (create, context: this));

    /// <summary>The regions the seeded estate spans; the first is the default.</summary>
    public static IReadOnlyList<string> SeededRegions { get; } = ["us-east-1", "eu-west-1", "ap-southeast-2"];
}
