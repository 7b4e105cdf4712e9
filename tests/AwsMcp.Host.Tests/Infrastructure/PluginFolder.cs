namespace AwsMcp.Host.Tests.Infrastructure;

/// <summary>A temporary plugins folder filled with copies of real plugin builds (and deliberately broken ones).</summary>
internal sealed class PluginFolder : IDisposable
{
    private readonly string _root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "awsmcp-host-tests", Guid.NewGuid().ToString("N")[..12]);

    public PluginFolder()
    {
        Directory.CreateDirectory(Path);
        Directory.CreateDirectory(ShadowPath);
    }

    /// <summary>The plugins folder (<c>&lt;Path&gt;/&lt;Name&gt;/&lt;Name&gt;.dll</c>).</summary>
    public string Path => System.IO.Path.Combine(_root, "plugins");

    /// <summary>The audit folder of the host under test (never the user's default one).</summary>
    public string AuditPath => System.IO.Path.Combine(_root, "audit");

    /// <summary>Where the host under test keeps its shadow copies.</summary>
    public string ShadowPath => System.IO.Path.Combine(_root, "shadow");

    public string FolderOf(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Copies the Echo test plugin in place (plugins/Echo).</summary>
    public PluginFolder WithEcho() => Copy("EchoPack", "Echo");

    /// <summary>A plugin declaring a tool named like Echo's.</summary>
    public PluginFolder WithTwin() => Copy("TwinPack", "Twin");

    /// <summary>A plugin whose registration throws.</summary>
    public PluginFolder WithThrowing() => Copy("ThrowingPack", "Throwing");

    /// <summary>Echo without its private dependency EchoHelpers.dll.</summary>
    public PluginFolder WithEchoMissingDependency()
    {
        WithEcho();
        File.Delete(System.IO.Path.Combine(FolderOf("Echo"), "EchoHelpers.dll"));
        return this;
    }

    /// <summary>A folder whose main DLL is garbage bytes.</summary>
    public PluginFolder WithCorrupt(string name = "Corrupt")
    {
        Directory.CreateDirectory(FolderOf(name));
        File.WriteAllBytes(System.IO.Path.Combine(FolderOf(name), name + ".dll"), [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31))]);
        return this;
    }

    /// <summary>A plugin built against AwsMcp.Abstractions 2.0.0.0.</summary>
    public PluginFolder WithFutureAbi(string name = "FutureAbi")
    {
        FutureAbiPlugin.WriteTo(FolderOf(name), name);
        return this;
    }

    /// <summary>One of the product's packs as the host build placed it next to the <c>awsmcp</c> binary (e.g. <c>AwsMcp.Storage</c>).</summary>
    public PluginFolder WithProductPack(string name) =>
        CopyFrom(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(TestBuild.HostAssembly)!, "plugins", name), name);

    /// <summary>Copies a plugin build into <paramref name="folder"/> under the plugins folder (which may be a staging name).</summary>
    public PluginFolder Copy(string project, string folder) => CopyFrom(TestBuild.PluginOutput(project), folder);

    private PluginFolder CopyFrom(string source, string folder)
    {
        var target = FolderOf(folder);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)), overwrite: true);
        }

        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A host process may still be shutting down; the temp folder is disposable.
        }
    }
}
