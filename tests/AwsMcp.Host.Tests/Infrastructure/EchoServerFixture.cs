namespace AwsMcp.Host.Tests.Infrastructure;

/// <summary>One in-process server with the Echo plugin (stateless, read-only defaults) shared by a test class.</summary>
public sealed class EchoServerFixture : IAsyncLifetime
{
    private readonly PluginFolder _plugins = new PluginFolder().WithEcho();

    internal InProcessServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await InProcessServer.StartAsync(_plugins, new Dictionary<string, string?>
    {
        ["AwsMcp:Aws:Region"] = "eu-west-1",
        ["AwsMcp:Tools:MaxOutputBytes"] = "4096",
    });

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _plugins.Dispose();
    }
}
