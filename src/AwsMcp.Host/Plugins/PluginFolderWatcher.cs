using AwsMcp.Host.Configuration;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Plugins;

/// <summary>
/// Watches the plugins folder and refreshes a plugin once its folder has been quiet for the reload delay. Watches
/// the whole tree, including renames, because deployments replace files and folders by atomic rename, which a
/// "file changed" watcher never sees.
/// </summary>
public sealed partial class PluginFolderWatcher : IDisposable
{
    private const int LargeObjectBuffer = 96 * 1024;

    private readonly PluginCatalog _catalog;
    private readonly ILogger<PluginFolderWatcher> _logger;
    private readonly TimeSpan _quietPeriod;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    // Never disposed: a debounce callback may still read its token after Dispose; it owns no timer or handle.
    private readonly CancellationTokenSource _stopping = new();
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _debounce;

    public PluginFolderWatcher(PluginCatalog catalog, IOptions<PluginOptions> options, ILogger<PluginFolderWatcher> logger)
    {
        _catalog = catalog;
        _logger = logger;
        _quietPeriod = TimeSpan.FromMilliseconds(options.Value.ReloadDelayMilliseconds);
        _debounce = new Timer(_ => _ = FlushAsync(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(catalog.PluginsPath)
        {
            IncludeSubdirectories = true,
            // The watcher reads into this buffer pinned, for as long as it waits: the default 8 KiB was a small
            // object that pinned a 3 MB region of start-up garbage in memory for good (an idle server, measured).
            // Above 85,000 bytes it is on the large object heap, which never moves; bursts of changes (a pack
            // install) also overflow it less.
            InternalBufferSize = LargeObjectBuffer,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Created += (_, e) => OnChange(e.FullPath);
        _watcher.Changed += (_, e) => OnChange(e.FullPath);
        _watcher.Deleted += (_, e) => OnChange(e.FullPath);
        _watcher.Renamed += (_, e) =>
        {
            OnChange(e.OldFullPath);
            OnChange(e.FullPath);
        };
        _watcher.Error += (_, e) => LogWatcherError(e.GetException());
        _watcher.EnableRaisingEvents = true;
    }

    private void OnChange(string path)
    {
        // Only the first segment matters: any change inside plugins/<Name>/ refreshes plugin <Name>.
        var relative = Path.GetRelativePath(_catalog.PluginsPath, path);
        var name = relative.Split(Path.DirectorySeparatorChar, 2)[0];
        if (name is "." or ".." || name.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            _pending.Add(name);
            _debounce.Change(_quietPeriod, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task FlushAsync()
    {
        string[] names;
        lock (_gate)
        {
            names = [.. _pending];
            _pending.Clear();
        }

        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            try
            {
                await _catalog.RefreshAsync(name, _stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Never let one refresh kill the watcher; the catalog already isolates plugin failures.
                LogRefreshFailed(name, ex);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopping.Cancel();
        }

        _watcher.Dispose();
        _debounce.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Refreshing plugin {Plugin} failed unexpectedly")]
    private partial void LogRefreshFailed(string plugin, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin folder watcher error; changes may be missed until the next change")]
    private partial void LogWatcherError(Exception exception);
}
