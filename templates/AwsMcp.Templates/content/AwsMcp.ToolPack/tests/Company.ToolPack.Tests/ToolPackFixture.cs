using AwsMcp.Sandbox.Testing;

namespace Company.ToolPack.Tests;

/// <summary>
/// One AwsMcp sandbox per test class, with this tool pack loaded the way the server loads it (AwsMcp.Sandbox's
/// <see cref="SandboxToolPack"/>): calls go through the generated binders, so validation and results are tested too.
/// </summary>
public sealed class ToolPackFixture : IAsyncLifetime
{
    public SandboxToolPack Pack { get; private set; } = null!;

    public async Task InitializeAsync() => Pack = await SandboxToolPack.StartAsync(typeof(InstanceTools).Assembly);

    public async Task DisposeAsync() => await Pack.DisposeAsync();
}
