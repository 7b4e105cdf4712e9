using AwsMcp.Host.Configuration;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Plugins;

/// <summary>Loads the plugins when the host starts, before any transport serves a request, then watches the folder.</summary>
public sealed class PluginHostedService(
    PluginCatalog catalog, IOptions<PluginOptions> options, ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private PluginFolderWatcher? _watcher;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await catalog.LoadAllAsync(cancellationToken);
        if (options.Value.Watch && Directory.Exists(catalog.PluginsPath))
        {
            _watcher = new PluginFolderWatcher(catalog, options, loggerFactory.CreateLogger<PluginFolderWatcher>());
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        _watcher = null;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _watcher?.Dispose();
        return ValueTask.CompletedTask;
    }
}
