using Microsoft.Extensions.Logging;

namespace AwsMcp.Sandbox;

/// <summary>How to start a <see cref="SandboxServer"/>.</summary>
public sealed record SandboxOptions
{
    /// <summary>The port on 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The sandbox clock: the seeded estate is relative to its start, and expiry, launch times and latency follow it.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Recompute and check every SigV4 signature (on by default). Off still checks the header format and the access key.</summary>
    public bool VerifySignatures { get; init; } = true;

    /// <summary>Where the sandbox logs (one debug line per request, errors for emulator bugs); none when null.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>How many recent requests <see cref="SandboxServer.RequestLog"/> keeps.</summary>
    public int RequestLogCapacity { get; init; } = 10_000;
}
