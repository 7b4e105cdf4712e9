using AwsMcp.Host.Cli;
using AwsMcp.Host.Plugins;
using AwsMcp.Host.Plugins.Install;
using AwsMcp.Host.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace AwsMcp.Host.Tests;

/// <summary><c>awsmcp plugins install</c> and <c>remove</c> against the plugins folder of a running server.</summary>
public sealed class PluginInstallCommandTests : IDisposable
{
    private readonly PluginFolder _plugins = new();
    private readonly ScratchFolder _work = new("awsmcp-install-tests");

    [Fact]
    public async Task Install_and_remove_change_the_tools_of_a_running_server_and_notify_stateful_clients()
    {
        await using var server = await InProcessServer.StartAsync(_plugins, new Dictionary<string, string?> { ["AwsMcp:Mcp:SessionMode"] = "Stateful" });
        var catalog = server.Service<PluginCatalog>();
        var notifications = 0;
        await using var client = await server.ConnectAsync("2025-06-18", () => Interlocked.Increment(ref notifications));
        var package = ToolPackFile.FromFolder(_work.Combine("echo.nupkg"), TestBuild.PluginOutput("EchoPack"), "Echo");

        var install = await RunAsync("plugins", "install", package, "--by", "ci");

        Assert.Equal(ExitCodes.Success, install.Exit);
        Assert.Contains($"Installed {ToolPackFile.Id} 1.2.3 as plugin 'Echo'", install.Output);
        await Poll.UntilAsync(() => catalog.Loaded.Count == 1 && Volatile.Read(ref notifications) >= 1, "the installed plugin to load and clients to be notified");
        var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["text"] = "installed" });
        Assert.NotEqual(true, result.IsError);

        var seen = Volatile.Read(ref notifications);
        var remove = await RunAsync("plugins", "remove", "Echo");

        Assert.Equal(ExitCodes.Success, remove.Exit);
        Assert.Contains("installed", remove.Output);
        Assert.Contains("by ci", remove.Output);
        await Poll.UntilAsync(() => catalog.Loaded.Count == 0 && Volatile.Read(ref notifications) > seen, "the removed plugin to be unloaded");
        Assert.Empty(await client.ListToolsAsync());
    }

    [Fact]
    public async Task Install_refuses_an_invalid_package_with_its_own_exit_code_and_changes_nothing()
    {
        var package = ToolPackFile.FromFolder(_work.Combine("lib.nupkg"), TestBuild.PluginOutput("EchoPack"), "Echo", packageType: "Dependency");

        var install = await RunAsync("plugins", "install", package);

        Assert.Equal(ExitCodes.InstallRefused, install.Exit);
        Assert.Contains("is not a tool pack", install.Error);
        Assert.False(Directory.Exists(_plugins.FolderOf("Echo")));
    }

    [Fact]
    public void The_allow_list_is_read_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{TrustedPackages.ConfigurationKey}:0"] = "ABC" })
            .Build();

        Assert.True(TrustedPackages.From(configuration).IsRestricted);
        Assert.False(TrustedPackages.From(new ConfigurationBuilder().Build()).IsRestricted);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApplication.RunAsync([.. args, "--plugins", _plugins.Path], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        _plugins.Dispose();
        _work.Dispose();
    }
}
