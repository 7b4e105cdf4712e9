namespace AwsMcp.Sandbox.Core;

/// <summary>What every service emulator is constructed with: the known credentials and the sandbox clock.</summary>
public sealed class SandboxContext
{
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

    /// <summary>The regions the seeded estate spans; the first is the default.</summary>
    public static IReadOnlyList<string> SeededRegions { get; } = ["us-east-1", "eu-west-1", "ap-southeast-2"];
}
