using System.Diagnostics;
using AwsMcp.Host.Hosting.Startup;

namespace AwsMcp.Host.Plugins;

/// <summary>
/// Once the server listens, lets each loaded pack prepare its shared services in the background
/// (<see cref="AwsMcp.Abstractions.IWarmUp"/>), so that the first call into each AWS service after a deploy or a
/// scale-out does not pay for credential resolution and the SDK's first request. Bounded in time, all packs at once,
/// once the first request is answered (<see cref="StartupWork"/>); a failure is logged and changes nothing.
/// </summary>
public sealed partial class PackWarmUp(PluginCatalog catalog, StartupWork startup, ILogger<PackWarmUp> logger) : BackgroundService
{
    private static readonly TimeSpan PerPack = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (await startup.WaitForQuietStartAsync(stoppingToken).ConfigureAwait(false))
            {
                await WarmUpAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        finally
        {
            startup.WarmUpDone();
        }
    }

    // All packs at once: each mostly waits on its STS round trip, and the sooner all are warm, the sooner a first
    // call finds its pack ready rather than racing its warm-up.
    private Task WarmUpAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.Loaded.Select(plugin => Task.Run(() => WarmUpAsync(plugin, stoppingToken), stoppingToken)));

    private async Task WarmUpAsync(LoadedPlugin plugin, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(PerPack);
        var watch = Stopwatch.StartNew();
        try
        {
            await plugin.Context.WarmUpAsync(timeout.Token).ConfigureAwait(false);
            LogWarm(logger, plugin.Name, watch.ElapsedMilliseconds);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogWarmFailed(logger, plugin.Name, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Plugin {Plugin} warmed up in {Milliseconds} ms")]
    private static partial void LogWarm(ILogger logger, string plugin, long milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {Plugin} could not warm up ({Reason}); its first call will do it")]
    private static partial void LogWarmFailed(ILogger logger, string plugin, string reason);
}
