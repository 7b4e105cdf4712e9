using System.Runtime.CompilerServices;
using AwsMcp.Host.Tools;
using McMasterLoader = McMaster.NETCore.Plugins.PluginLoader;

namespace AwsMcp.Host.Plugins;

/// <summary>A plugin being served: its collectible load context, where it was copied from and the tools it gave.</summary>
public sealed class LoadedPlugin
{
    private McMasterLoader? _loader;

    internal LoadedPlugin(
        string name, string sourceFolder, string shadowFolder, string fingerprint, Version abstractionsVersion,
        IReadOnlyList<ServedTool> tools, McMasterLoader loader)
    {
        Name = name;
        SourceFolder = sourceFolder;
        ShadowFolder = shadowFolder;
        Fingerprint = fingerprint;
        AbstractionsVersion = abstractionsVersion;
        Tools = tools;
        _loader = loader;
        LoadedAt = DateTimeOffset.UtcNow;
    }

    public string Name { get; }

    /// <summary>The folder under the plugins path the plugin was loaded from.</summary>
    public string SourceFolder { get; }

    /// <summary>The private copy the plugin actually runs from, so that its folder can be replaced while it runs.</summary>
    public string ShadowFolder { get; }

    /// <summary>The source folder's fingerprint when it was loaded (see <see cref="FolderFingerprint"/>).</summary>
    public string Fingerprint { get; }

    /// <summary>The AwsMcp.Abstractions version the plugin was compiled against.</summary>
    public Version AbstractionsVersion { get; }

    public IReadOnlyList<ServedTool> Tools { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>
    /// Starts unloading the load context and returns a weak reference to it, which dies once nothing (tool calls still
    /// running, caches) holds plugin code any more. Not inlined so that no local in this frame keeps the context alive.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal WeakReference Unload()
    {
        var loader = Interlocked.Exchange(ref _loader, null) ?? throw new InvalidOperationException($"plugin '{Name}' is already unloaded");
        var context = new WeakReference(loader.LoadContext);
        loader.Dispose();
        return context;
    }
}
