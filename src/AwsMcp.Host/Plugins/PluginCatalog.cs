using System.Collections.Concurrent;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Tools;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Plugins;

/// <summary>
/// The plugins folder as the server sees it: which plugins are loaded, which failed and why. Loads, replaces and
/// removes plugins one folder at a time (serialised), publishing their tools to the <see cref="ToolRegistry"/>.
/// A plugin that fails never disturbs the others, and a failed replacement keeps the previous version serving.
/// </summary>
public sealed partial class PluginCatalog : IAsyncDisposable
{
    private const int UnloadCollectionAttempts = 30;
    private const string ShadowRootPrefix = "awsmcp-";

    private readonly PluginFolderLoader _loader;
    private readonly ToolRegistry _registry;
    private readonly ILogger<PluginCatalog> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, LoadedPlugin> _loaded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (PluginFailure Failure, string Fingerprint)> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<PluginUnload> _unloads = new();
    private readonly string _shadowRoot;
    private readonly bool _watched;
    private int _generation;

    public PluginCatalog(PluginFolderLoader loader, ToolRegistry registry, IOptions<PluginOptions> options, ILogger<PluginCatalog> logger)
    {
        _loader = loader;
        _registry = registry;
        _logger = logger;
        PluginsPath = options.Value.FullPath;
        _watched = options.Value.Watch;
        _shadowRoot = Path.Combine(options.Value.ShadowCopyFullPath, $"{ShadowRootPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}"[..24]);
        RemoveShadowCopiesOfDeadProcesses(options.Value.ShadowCopyFullPath);
    }

    /// <summary>The plugins folder (absolute).</summary>
    public string PluginsPath { get; }

    public IReadOnlyCollection<LoadedPlugin> Loaded => _loaded.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();

    public IReadOnlyCollection<PluginFailure> Failures => _failures.Values.Select(f => f.Failure).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();

    /// <summary>Every unload so far, oldest first, with a task that tells whether the load context was really freed.</summary>
    public IReadOnlyCollection<PluginUnload> Unloads => _unloads.ToArray();

    /// <summary>
    /// Loads every plugin folder at start. Each loads into its own load context, so the loads (mostly CPU: assemblies,
    /// tools, validation) run together; they are registered one by one in ordinal order, so that duplicate tool names
    /// resolve the same way every time. These contexts are not collectible (<see cref="PluginFolderLoader"/>): a pack
    /// replaced or removed later stops serving and has its services disposed, but its code stays until the server
    /// restarts; the versions loaded after start, while the folder is watched, unload completely.
    /// </summary>
    public async Task LoadAllAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(PluginsPath))
        {
            LogNoPluginsFolder(PluginsPath);
            return;
        }

        var names = Directory.EnumerateDirectories(PluginsPath).Select(Path.GetFileName).OfType<string>()
            .Where(name => !name.StartsWith('.')).Order(StringComparer.Ordinal).ToList();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var loads = names.ToDictionary(name => name, name => StartLoad(name, cancellationToken), StringComparer.Ordinal);
            foreach (var name in names)
            {
                await RefreshLockedAsync(name, cancellationToken, loads[name]);
            }
        }
        finally
        {
            _gate.Release();
        }

        LogLoadedAll(_loaded.Count, _registry.Tools.Count, _failures.Count, PluginsPath);
    }

    /// <summary>Brings one plugin in line with its folder: loads it, reloads it if its files changed, or removes it.</summary>
    public async Task RefreshAsync(string name, CancellationToken cancellationToken)
    {
        if (name.StartsWith('.'))
        {
            return; // staging folders (".staging-X") are renamed into place when complete
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            await RefreshLockedAsync(name, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A load begun ahead of its registration (<see cref="LoadAllAsync"/>).</summary>
    private sealed record StartedLoad(string ShadowFolder, Task<LoadedPlugin> Load);

    private StartedLoad? StartLoad(string name, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(PluginsPath, name);
        if (_loaded.ContainsKey(name) || _failures.ContainsKey(name) || !File.Exists(Path.Combine(folder, name + ".dll")))
        {
            return null; // not a first load: the usual checks decide
        }

        var shadowFolder = NextShadowFolder(name);
        return new StartedLoad(shadowFolder, Task.Run(() => _loader.LoadAsync(name, folder, shadowFolder, collectible: false, cancellationToken), cancellationToken));
    }

    private string NextShadowFolder(string name) => Path.Combine(_shadowRoot, $"{name}-{Interlocked.Increment(ref _generation)}");

    private async Task RefreshLockedAsync(string name, CancellationToken cancellationToken, StartedLoad? started = null)
    {
        var folder = Path.Combine(PluginsPath, name);
        var mainAssembly = Path.Combine(folder, name + ".dll");
        _loaded.TryGetValue(name, out var current);

        if (!File.Exists(mainAssembly))
        {
            _failures.TryRemove(name, out _);
            if (current is not null)
            {
                Remove(current);
            }
            else if (Directory.Exists(folder))
            {
                LogNoMainAssembly(name, mainAssembly);
            }

            return;
        }

        var fingerprint = FolderFingerprint.Of(folder);
        if (current?.Fingerprint == fingerprint)
        {
            _failures.TryRemove(name, out _); // the folder is back to what is being served
            return;
        }

        if (_failures.TryGetValue(name, out var failed) && failed.Fingerprint == fingerprint)
        {
            return; // already reported; wait for the folder to change
        }

        var shadowFolder = started?.ShadowFolder ?? NextShadowFolder(name);
        LoadedPlugin next;
        try
        {
            next = await (started?.Load ?? _loader.LoadAsync(name, folder, shadowFolder, collectible: _watched, cancellationToken));
            EnsureNoDuplicateNames(next);
        }
        catch (PluginLoadException ex)
        {
            TryDeleteFolder(shadowFolder);
            var failure = new PluginFailure(name, mainAssembly, ex.Stage, ex.Message, DateTimeOffset.UtcNow);
            _failures[name] = (failure, fingerprint);
            LogPluginFailed(name, mainAssembly, ex.Stage, ex.Message, current is null ? "" : "; still serving the previously loaded version");
            return;
        }

        _failures.TryRemove(name, out _);
        _registry.Replace(current?.Tools ?? [], next.Tools);
        _loaded[name] = next;
        LogPluginLoaded(name, current is null ? "loaded" : "reloaded", next.Tools.Count, string.Join(", ", next.Tools.Select(t => t.Name)), next.AbstractionsVersion);
        if (current is not null)
        {
            StartUnload(current);
        }
    }

    private void EnsureNoDuplicateNames(LoadedPlugin next)
    {
        foreach (var tool in next.Tools)
        {
            if (_registry.TryGet(tool.Name, out var existing) && existing.PluginName != next.Name)
            {
                StartUnload(next);
                throw new PluginLoadException(PluginLoadStages.Register, $"tool '{tool.Name}' is already served by plugin '{existing.PluginName}'; tool names must be unique across plugins");
            }
        }
    }

    private void Remove(LoadedPlugin plugin)
    {
        _registry.Replace(plugin.Tools, []);
        _loaded.TryRemove(plugin.Name, out _);
        LogPluginRemoved(plugin.Name, plugin.Tools.Count);
        StartUnload(plugin);
    }

    private void StartUnload(LoadedPlugin plugin) =>
        _unloads.Enqueue(new PluginUnload(plugin.Name, UnloadAsync(plugin.Name, plugin.ShadowFolder, plugin.UnloadAsync())));

    private async Task<bool> UnloadAsync(string name, string shadowFolder, Task<WeakReference?> unloading)
    {
        WeakReference? context;
        try
        {
            context = await unloading.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // A pack service that throws on dispose must not keep the rest of the server from unloading it.
            LogUnloadFailed(name, ex.Message);
            return false;
        }

        if (context is null)
        {
            return true; // loaded for good (at start, or not watched): its services are disposed, its code stays until exit
        }

        // Collection needs every reference gone, including calls still running on the old version; keep trying for a
        // few seconds before calling it a leak (see docs on collectible AssemblyLoadContext).
        for (var attempt = 1; attempt <= UnloadCollectionAttempts; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100)).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            if (!context.IsAlive)
            {
                TryDeleteFolder(shadowFolder);
                LogUnloaded(name, attempt);
                return true;
            }
        }

        LogUnloadLeaked(name, UnloadCollectionAttempts);
        return false;
    }

    /// <summary>A process that crashed could not delete its shadow copies; its process id is in the folder name.</summary>
    private static void RemoveShadowCopiesOfDeadProcesses(string shadowCopyRoot)
    {
        if (!Directory.Exists(shadowCopyRoot))
        {
            return;
        }

        foreach (var folder in Directory.EnumerateDirectories(shadowCopyRoot))
        {
            var name = Path.GetFileName(folder);
            if (name.StartsWith(ShadowRootPrefix, StringComparison.Ordinal)
                && int.TryParse(name[ShadowRootPrefix.Length..].Split('-')[0], out var processId)
                && !IsRunning(processId))
            {
                TryDeleteFolder(folder);
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file still mapped on some platforms; the process-scoped shadow root is removed on shutdown.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            foreach (var plugin in _loaded.Values)
            {
                _registry.Replace(plugin.Tools, []);
                try
                {
                    await plugin.UnloadAsync();
                }
                catch (Exception ex)
                {
                    LogUnloadFailed(plugin.Name, ex.Message);
                }
            }

            _loaded.Clear();
            TryDeleteFolder(_shadowRoot);
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugins folder {Path} does not exist; no tools are served")]
    private partial void LogNoPluginsFolder(string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Loaded} plugin(s) loaded with {Tools} tool(s), {Failed} failed, from {Path}")]
    private partial void LogLoadedAll(int loaded, int tools, int failed, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin folder {Plugin} has no {Assembly}; ignored until it appears")]
    private partial void LogNoMainAssembly(string plugin, string assembly);

    [LoggerMessage(Level = LogLevel.Error, Message = "Plugin {Plugin} ({Path}) failed at stage {Stage}: {Reason}{Consequence}")]
    private partial void LogPluginFailed(string plugin, string path, string stage, string reason, string consequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {Plugin} {Action}: {Count} tool(s) [{Tools}], built against AwsMcp.Abstractions {AbstractionsVersion}")]
    private partial void LogPluginLoaded(string plugin, string action, int count, string tools, Version abstractionsVersion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {Plugin} removed with its {Count} tool(s)")]
    private partial void LogPluginRemoved(string plugin, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Plugin {Plugin} unloaded: load context collected after {Attempts} collection(s)")]
    private partial void LogUnloaded(string plugin, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin {Plugin} could not be unloaded cleanly: {Reason}")]
    private partial void LogUnloadFailed(string plugin, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin {Plugin} unload leaked: its load context is still alive after {Attempts} collections (a timer, thread or static cache holds plugin code); restart the server to free it")]
    private partial void LogUnloadLeaked(string plugin, int attempts);
}
