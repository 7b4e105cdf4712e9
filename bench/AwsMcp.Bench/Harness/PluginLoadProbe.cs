using System.Diagnostics;
using AwsMcp.Bench.Infrastructure;
using AwsMcp.Host.Plugins;
using AwsMcp.Host.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace AwsMcp.Bench.Harness;

/// <summary>
/// Runs in a fresh child process: starts the host in process on a plugins folder (plugins load during start-up) and
/// reports how long the start took, how many plugins and tools it served, and the first <c>tools/list</c>.
/// </summary>
internal static class PluginLoadProbe
{
    public static async Task<int> RunAsync(string pluginsFolder)
    {
        // The folders the host writes to (shadow copies, audit) are a fresh empty set; only the plugins path differs.
        using var scratch = new PluginFolder();
        var settings = scratch.ServeSettings();
        settings["AwsMcp:Plugins:Path"] = pluginsFolder;
        return await MeasureAsync(settings);
    }

    private static async Task<int> MeasureAsync(Dictionary<string, string?> settings)
    {
        var start = Stopwatch.GetTimestamp();
        await using var server = await RunningServer.StartAwsMcpAsync(settings, BenchTransport.InProcess);
        var started = Stopwatch.GetElapsedTime(start);
        var catalog = server.Services.GetRequiredService<PluginCatalog>();
        if (catalog.Failures.Count > 0)
        {
            await Console.Error.WriteLineAsync($"{catalog.Failures.Count} plugin(s) failed: {string.Join("; ", catalog.Failures.Select(f => $"{f.Name}: {f.Reason}"))}");
            return 1;
        }

        await using var client = await server.ConnectAsync();
        var listStart = Stopwatch.GetTimestamp();
        var tools = await client.ListToolsAsync();
        var listed = Stopwatch.GetElapsedTime(listStart);

        ProbeResults.Write("plugins", catalog.Loaded.Count);
        ProbeResults.Write("tools", server.Services.GetRequiredService<ToolRegistry>().Tools.Count);
        ProbeResults.Write("listed", tools.Count);
        ProbeResults.Write("start_ms", started.TotalMilliseconds);
        ProbeResults.Write("first_tools_list_ms", listed.TotalMilliseconds);
        return 0;
    }
}
