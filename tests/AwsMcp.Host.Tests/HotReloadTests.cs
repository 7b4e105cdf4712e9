using System.Runtime.Loader;
using AwsMcp.Host.Plugins;
using AwsMcp.Host.Tests.Infrastructure;

namespace AwsMcp.Host.Tests;

/// <summary>Plugin folders added, replaced (in place and by atomic rename) and removed while a stateful client is connected.</summary>
public sealed class HotReloadTests
{
    [Fact]
    public async Task Add_replace_rename_and_remove_update_the_tools_notify_clients_and_free_old_contexts()
    {
        using var plugins = new PluginFolder();
        await using var server = await InProcessServer.StartAsync(plugins, new Dictionary<string, string?> { ["AwsMcp:Mcp:SessionMode"] = "Stateful" });
        var catalog = server.Service<PluginCatalog>();
        var notifications = 0;
        await using var client = await server.ConnectAsync("2025-06-18", () => Interlocked.Increment(ref notifications));
        Assert.Empty(await client.ListToolsAsync());

        // Add: staged under a dot-name (ignored), then renamed into place.
        plugins.Copy("EchoPack", ".staging-Echo");
        Directory.Move(plugins.FolderOf(".staging-Echo"), plugins.FolderOf("Echo"));
        await Poll.UntilAsync(() => catalog.Loaded.Count == 1 && Volatile.Read(ref notifications) >= 1, "Echo to be added and clients notified");
        Assert.Contains("echo", (await client.ListToolsAsync()).Select(t => t.Name));
        // Compare versions by their shadow folder: holding a LoadedPlugin would keep its load context alive.
        var first = Assert.Single(catalog.Loaded).ShadowFolder;

        // Replace in place: a changed file in the folder reloads the plugin.
        var seen = Volatile.Read(ref notifications);
        await File.WriteAllTextAsync(Path.Combine(plugins.FolderOf("Echo"), "version.txt"), "2");
        await Poll.UntilAsync(() => catalog.Loaded.Single().ShadowFolder != first && Volatile.Read(ref notifications) > seen, "Echo to be reloaded in place");
        var second = catalog.Loaded.Single().ShadowFolder;

        // Replace by atomic rename: the old folder is moved away and a new one renamed in.
        seen = Volatile.Read(ref notifications);
        plugins.Copy("EchoPack", ".staging-Echo");
        await File.WriteAllTextAsync(Path.Combine(plugins.FolderOf(".staging-Echo"), "version.txt"), "3");
        Directory.Move(plugins.FolderOf("Echo"), plugins.FolderOf(".old-Echo"));
        Directory.Move(plugins.FolderOf(".staging-Echo"), plugins.FolderOf("Echo"));
        await Poll.UntilAsync(() => catalog.Loaded.SingleOrDefault() is { } p && p.ShadowFolder != second && Volatile.Read(ref notifications) > seen, "Echo to be replaced by rename");
        var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["text"] = "after rename" });
        Assert.NotEqual(true, result.IsError);

        // Remove.
        seen = Volatile.Read(ref notifications);
        Directory.Delete(plugins.FolderOf("Echo"), recursive: true);
        await Poll.UntilAsync(() => catalog.Loaded.Count == 0 && Volatile.Read(ref notifications) > seen, "Echo to be removed");
        Assert.Empty(await client.ListToolsAsync());

        // Every replaced or removed version's load context is really collected.
        var unloads = catalog.Unloads;
        Assert.Equal(3, unloads.Count);
        foreach (var unload in unloads)
        {
            Assert.True(await unload.Collected.WaitAsync(TimeSpan.FromSeconds(30)), $"load context of {unload.Name} leaked");
        }
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public async Task Packs_loaded_at_start_stay_and_later_versions_are_collectible_only_when_the_folder_is_watched(string watch, bool collectible)
    {
        using var plugins = new PluginFolder();
        plugins.Copy("EchoPack", "Echo");
        await using var server = await InProcessServer.StartAsync(plugins, new Dictionary<string, string?> { ["AwsMcp:Plugins:Watch"] = watch });
        var catalog = server.Service<PluginCatalog>();
        var atStart = Assert.Single(catalog.Loaded).ShadowFolder;
        Assert.False(ContextOf(atStart).IsCollectible);

        // A new version loaded while the server runs (by the watcher, or a refresh when nothing watches).
        await File.WriteAllTextAsync(Path.Combine(plugins.FolderOf("Echo"), "version.txt"), "2");
        await catalog.RefreshAsync("Echo", CancellationToken.None);
        var later = Assert.Single(catalog.Loaded).ShadowFolder;
        Assert.NotEqual(atStart, later);
        Assert.Equal(collectible, ContextOf(later).IsCollectible);

        // The start-up version stops serving and its services are disposed; its code stays until the server restarts.
        var unload = Assert.Single(catalog.Unloads);
        Assert.True(await unload.Collected.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(ContextOf(atStart).IsCollectible);
    }

    private static AssemblyLoadContext ContextOf(string shadowFolder) =>
        Assert.Single(AssemblyLoadContext.All, c => c.Assemblies.Any(a => a.Location.StartsWith(shadowFolder, StringComparison.Ordinal)));

    [Fact]
    public async Task A_broken_replacement_keeps_the_previous_version_serving()
    {
        using var plugins = new PluginFolder().WithEcho();
        await using var server = await InProcessServer.StartAsync(plugins);
        var catalog = server.Service<PluginCatalog>();

        File.Delete(Path.Combine(plugins.FolderOf("Echo"), "EchoHelpers.dll"));
        await Poll.UntilAsync(() => catalog.Failures.Count == 1, "the broken replacement to be reported");

        Assert.Single(catalog.Loaded);
        Assert.Contains(server.Logs.Lines, l => l.Message.Contains("still serving the previously loaded version", StringComparison.Ordinal));
        await using var client = await server.ConnectAsync("2025-06-18");
        var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["text"] = "old", ["upper"] = true });
        Assert.Equal("OLD", result.StructuredContent!.Value.GetProperty("echo").GetString());
    }

    [Fact]
    public async Task A_failed_plugin_loads_once_its_folder_is_fixed()
    {
        using var plugins = new PluginFolder().WithEchoMissingDependency();
        await using var server = await InProcessServer.StartAsync(plugins);
        var catalog = server.Service<PluginCatalog>();
        Assert.Single(catalog.Failures);

        File.Copy(Path.Combine(TestBuild.PluginOutput("EchoPack"), "EchoHelpers.dll"), Path.Combine(plugins.FolderOf("Echo"), "EchoHelpers.dll"));

        await Poll.UntilAsync(() => catalog.Loaded.Count == 1, "the fixed plugin to load");
        Assert.Empty(catalog.Failures);
    }
}
