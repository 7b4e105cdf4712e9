namespace AwsMcp.Sandbox.Tests.Support;

/// <summary>One sandbox per test class (xunit class fixture): starting Kestrel and warming the SDK once keeps the suite fast.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private SandboxServer? _server;

    public SandboxServer Server => _server ?? throw new InvalidOperationException("The sandbox has not started.");

    public async Task InitializeAsync()
    {
        // Explicit credentials and endpoints are used throughout; this keeps any SDK fallback away from 169.254.169.254.
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        _server = await SandboxServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
