using AwsMcp.Sandbox;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Host.Sandbox;

/// <summary>
/// <c>serve --sandbox</c>: starts the built-in AWS emulator on 127.0.0.1 and points this process's AWS SDK
/// environment at it before plugins load. Plugins run in-process and resolve endpoint, credentials and region from
/// the environment, so they talk to the sandbox without knowing it.
/// </summary>
public sealed partial class SandboxEnvironment : IAsyncDisposable
{
    private const string DefaultRegion = "us-east-1";
    private const string FaultsPath = "/.sandbox/faults";

    private readonly SandboxServer _server;

    private SandboxEnvironment(SandboxServer server) => _server = server;

    public Uri Endpoint => _server.Endpoint;

    /// <summary>The region sandbox calls default to: AWS_REGION when set, else the seeded estate's first.</summary>
    public static string Region => Environment.GetEnvironmentVariable("AWS_REGION") is { Length: > 0 } configured ? configured : DefaultRegion;

    public static async Task<SandboxEnvironment> StartAsync(ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var server = await SandboxServer.StartAsync(new SandboxOptions { LoggerFactory = loggerFactory }, cancellationToken);
        var region = Region;
        foreach (var (name, value) in server.ClientEnvironment(region))
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        var logger = loggerFactory.CreateLogger<SandboxEnvironment>();
        LogSandbox(logger, server.Endpoint, SandboxIdentities.DefaultAccount, region);
        LogFaults(logger, new Uri(server.Endpoint, FaultsPath));
        return new SandboxEnvironment(server);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "SANDBOX MODE: AWS calls go to the built-in emulator at {Endpoint} (account {Account}, region {Region}), not to real AWS")]
    private static partial void LogSandbox(ILogger logger, Uri endpoint, string account, string region);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Rehearse an outage: POST {FaultsUrl} with {{\"service\":\"s3\",\"operation\":\"*\",\"fault\":\"unavailable\"}} (fault: throttling, access-denied, internal-error, unavailable, or latency with latency_ms; times: how many calls, else until cleared); DELETE it to clear")]
    private static partial void LogFaults(ILogger logger, Uri faultsUrl);
}
