namespace AwsMcp.Bench.Infrastructure;

/// <summary>How the benchmarks use a <see cref="PluginFolder"/>.</summary>
internal static class BenchPlugins
{
    public static PluginFolder WithEcho(this PluginFolder plugins) => plugins.Add(BenchPaths.EchoPluginOutput, "Echo");

    public static PluginFolder WithPacks(this PluginFolder plugins, IEnumerable<(string Output, string Name)> packs)
    {
        foreach (var (output, name) in packs)
        {
            plugins.Add(output, name);
        }

        return plugins;
    }

    /// <summary>The settings that point a host at the folder, without watching it (nothing changes during a run).</summary>
    public static Dictionary<string, string?> ServeSettings(this PluginFolder plugins)
    {
        var settings = plugins.HostSettings();
        settings["AwsMcp:Plugins:Watch"] = "false";
        return settings;
    }
}
