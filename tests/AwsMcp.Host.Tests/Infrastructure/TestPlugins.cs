namespace AwsMcp.Host.Tests.Infrastructure;

/// <summary>The plugins the host tests put in a <see cref="PluginFolder"/>: copies of real builds, and deliberately broken ones.</summary>
internal static class TestPlugins
{
    /// <summary>Copies the Echo test plugin in place (plugins/Echo).</summary>
    public static PluginFolder WithEcho(this PluginFolder plugins) => plugins.Copy("EchoPack", "Echo");

    /// <summary>The conformance suite's fixtures (tools, prompts, resources, completions): plugins/Conformance.</summary>
    public static PluginFolder WithConformance(this PluginFolder plugins) => plugins.Copy("ConformancePack", "Conformance");

    /// <summary>A plugin declaring a tool named like Echo's.</summary>
    public static PluginFolder WithTwin(this PluginFolder plugins) => plugins.Copy("TwinPack", "Twin");

    /// <summary>A plugin whose registration throws.</summary>
    public static PluginFolder WithThrowing(this PluginFolder plugins) => plugins.Copy("ThrowingPack", "Throwing");

    /// <summary>Echo without its private dependency EchoHelpers.dll.</summary>
    public static PluginFolder WithEchoMissingDependency(this PluginFolder plugins)
    {
        File.Delete(Path.Combine(plugins.WithEcho().FolderOf("Echo"), "EchoHelpers.dll"));
        return plugins;
    }

    /// <summary>A folder whose main DLL is garbage bytes.</summary>
    public static PluginFolder WithCorrupt(this PluginFolder plugins, string name = "Corrupt")
    {
        Directory.CreateDirectory(plugins.FolderOf(name));
        File.WriteAllBytes(Path.Combine(plugins.FolderOf(name), name + ".dll"), [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31))]);
        return plugins;
    }

    /// <summary>A plugin built against AwsMcp.Abstractions 3.0.0.0 (a major this host does not run).</summary>
    public static PluginFolder WithFutureAbi(this PluginFolder plugins, string name = "FutureAbi")
    {
        FutureAbiPlugin.WriteTo(plugins.FolderOf(name), name);
        return plugins;
    }

    /// <summary>One of the product's packs as the host build placed it next to the <c>awsmcp</c> binary (e.g. <c>AwsMcp.Storage</c>).</summary>
    public static PluginFolder WithProductPack(this PluginFolder plugins, string name) =>
        plugins.Add(Path.Combine(Path.GetDirectoryName(TestBuild.HostAssembly)!, "plugins", name), name);

    /// <summary>Copies a test plugin's build into <paramref name="folder"/> under the plugins folder (which may be a staging name).</summary>
    public static PluginFolder Copy(this PluginFolder plugins, string project, string folder) => plugins.Add(TestBuild.PluginOutput(project), folder);
}
