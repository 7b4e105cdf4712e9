using System.Net.Http.Json;
using System.Text.Json;
using AwsMcp.Host.Plugins;
using AwsMcp.Host.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace AwsMcp.Host.Tests;

/// <summary>Broken plugins next to a good one: each fails alone, with one clear log line, and the rest keep serving.</summary>
public sealed class PluginFailureTests
{
    [Fact]
    public async Task Each_broken_plugin_fails_with_a_clear_reason_and_the_good_one_serves()
    {
        using var plugins = new PluginFolder().WithEcho().WithTwin().WithThrowing().WithCorrupt().WithFutureAbi();
        await using var server = await InProcessServer.StartAsync(plugins);
        var catalog = server.Service<PluginCatalog>();

        Assert.Equal(["Echo"], catalog.Loaded.Select(p => p.Name));
        var failures = catalog.Failures.ToDictionary(f => f.Name);
        Assert.Equal(["Corrupt", "FutureAbi", "Throwing", "Twin"], failures.Keys.Order());
        AssertFailure(failures["Corrupt"], PluginLoadStages.CheckAbstractionsVersion, "not a valid .NET assembly");
        AssertFailure(failures["FutureAbi"], PluginLoadStages.CheckAbstractionsVersion, $"built against AwsMcp.Abstractions 3.0.0.0 but this host provides {typeof(AwsMcp.Abstractions.ToolDescriptor).Assembly.GetName().Version}");
        AssertFailure(failures["Throwing"], PluginLoadStages.CreateTools, "required setting Plugin:RoleArn is missing");
        AssertFailure(failures["Twin"], PluginLoadStages.Register, "tool 'echo' is already served by plugin 'Echo'");

        // One error line per broken plugin, naming it and the reason.
        foreach (var failure in failures.Values)
        {
            var line = Assert.Single(server.Logs.Lines, l => l.Level == LogLevel.Error && l.Message.StartsWith($"Plugin {failure.Name} ", StringComparison.Ordinal));
            Assert.Contains(failure.Reason, line.Message);
        }

        await using var client = await server.ConnectAsync("2025-06-18");
        var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["text"] = "still here" });
        Assert.NotEqual(true, result.IsError);
        Assert.DoesNotContain("twin_only", (await client.ListToolsAsync()).Select(t => t.Name));

        var readiness = await server.Http.GetFromJsonAsync<JsonElement>("/health/ready");
        Assert.Equal("degraded", readiness.GetProperty("status").GetString());
        Assert.Equal("Echo", readiness.GetProperty("plugins")[0].GetProperty("name").GetString());
        Assert.Equal(4, readiness.GetProperty("failures").GetArrayLength());
        Assert.Contains(
            readiness.GetProperty("failures").EnumerateArray(),
            f => f.GetProperty("name").GetString() == "Throwing" && f.GetProperty("stage").GetString() == PluginLoadStages.CreateTools);
    }

    [Fact]
    public async Task A_missing_dependency_fails_the_plugin_at_load_not_at_the_first_call()
    {
        using var plugins = new PluginFolder().WithEchoMissingDependency();
        await using var server = await InProcessServer.StartAsync(plugins);
        var catalog = server.Service<PluginCatalog>();

        Assert.Empty(catalog.Loaded);
        var failure = Assert.Single(catalog.Failures);
        AssertFailure(failure, PluginLoadStages.LoadDependencies, "missing dependency EchoHelpers");
    }

    [Fact]
    public async Task A_folder_without_its_main_assembly_is_ignored_and_a_missing_plugins_folder_serves_nothing()
    {
        using var plugins = new PluginFolder();
        Directory.CreateDirectory(plugins.FolderOf("Empty"));
        await using var server = await InProcessServer.StartAsync(plugins);

        Assert.Empty(server.Service<PluginCatalog>().Loaded);
        Assert.Contains(server.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("Empty.dll", StringComparison.Ordinal));

        await using var nowhere = await InProcessServer.StartAsync(plugins, new Dictionary<string, string?> { ["AwsMcp:Plugins:Path"] = plugins.FolderOf("missing") });
        Assert.Contains(nowhere.Logs.Lines, l => l.Message.Contains("does not exist", StringComparison.Ordinal));
    }

    private static void AssertFailure(PluginFailure failure, string stage, string reason)
    {
        Assert.Equal(stage, failure.Stage);
        Assert.Contains(reason, failure.Reason);
    }
}
