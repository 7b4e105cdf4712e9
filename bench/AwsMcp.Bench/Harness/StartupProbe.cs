using System.Diagnostics;
using AwsMcp.Bench.Infrastructure;
using AwsMcp.Host.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace AwsMcp.Bench.Harness;

/// <summary>
/// Runs in a fresh child process: starts one in-process server with the echo tool built one way and reports the time
/// from process start (runtime start-up and JIT included) to the first successful <c>tools/list</c>.
/// </summary>
internal static class StartupProbe
{
    public const string SdkReflection = "sdk-reflection";
    public const string GeneratedDescriptor = "generated-descriptor";

    public static async Task<int> RunAsync(string style)
    {
        using var plugins = new PluginFolder();
        RunningServer server;
        if (style == SdkReflection)
        {
            server = await RunningServer.StartSdkReflectionAsync(BenchTransport.InProcess);
        }
        else if (style == GeneratedDescriptor)
        {
            server = await RunningServer.StartAwsMcpAsync(plugins.ServeSettings(), BenchTransport.InProcess);
            server.Services.GetRequiredService<ToolRegistry>().Replace([], GeneratedBenchTools.CreateServed());
        }
        else
        {
            await Console.Error.WriteLineAsync($"unknown style '{style}' ({SdkReflection} or {GeneratedDescriptor})");
            return 2;
        }

        await using (server)
        {
            await using var client = await server.ConnectAsync();
            var tools = await client.ListToolsAsync();
            var sinceProcessStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
            ProbeResults.Write("tools", tools.Count);
            ProbeResults.Write("first_tools_list_ms", sinceProcessStart.TotalMilliseconds);
        }

        return 0;
    }
}
