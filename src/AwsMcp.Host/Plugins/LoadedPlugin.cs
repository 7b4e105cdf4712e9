using System.Runtime.CompilerServices;
using AwsMcp.Abstractions;
using AwsMcp.Host.Tools;

namespace AwsMcp.Host.Plugins;

/// <summary>
/// A plugin being served: its load context, where it was copied from, the tools it gave and the pack
/// context (with the services its tools share) that lives as long as it does.
/// </summary>
public sealed class LoadedPlugin
{
    /// <summary>How long an unload waits for calls still running on this version before it disposes its services anyway.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    private readonly PluginCalls _calls;
    private PackLoadContext? _loadContext;

    internal LoadedPlugin(
        string name, string sourceFolder, string shadowFolder, string fingerprint, Version abstractionsVersion,
        IReadOnlyList<ServedTool> tools, PluginCalls calls, ToolPackContext context, PackLoadContext loadContext)
    {
        _calls = calls;
        Context = context;
        Name = name;
        SourceFolder = sourceFolder;
        ShadowFolder = shadowFolder;
        Fingerprint = fingerprint;
        AbstractionsVersion = abstractionsVersion;
        Tools = tools;
        _loadContext = loadContext;
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

    /// <summary>What the plugin was given at load: its settings and the services its tools share, disposed when it unloads.</summary>
    public ToolPackContext Context { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>
    /// Unloads the plugin: waits (bounded) for the calls still running on it, disposes the services its tools share
    /// (AWS clients and their connection pools), then starts unloading the load context. Returns a weak reference to
    /// the context, which dies once nothing holds plugin code any more, or null when the context is not collectible
    /// (a pack loaded at start, or by a server that does not watch its plugin folder: <see cref="PluginFolderLoader"/>).
    /// Not inlined so that no local in this frame keeps the context alive.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal async Task<WeakReference?> UnloadAsync()
    {
        var loadContext = Interlocked.Exchange(ref _loadContext, null) ?? throw new InvalidOperationException($"plugin '{Name}' is already unloaded");
        await _calls.WaitForIdleAsync(DrainTimeout).ConfigureAwait(false);
        await Context.DisposeAsync().ConfigureAwait(false);
        return Release(loadContext);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference? Release(PackLoadContext loadContext)
    {
        if (!loadContext.IsCollectible)
        {
            return null;
        }

        loadContext.Unload();
        return new WeakReference(loadContext);
    }
}
