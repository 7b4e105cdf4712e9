using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AwsMcp.Abstractions;

/// <summary>
/// What the host gives a plugin when it loads it, for as long as it stays loaded. Tool-holder classes may take it in
/// their constructor. Settings are flattened configuration keys (<c>Aws:Region</c>, <c>Aws:Accounts:prod:RoleArn</c>,
/// ...), plain strings so that no configuration types cross the plugin boundary. Services the pack's tool classes
/// share (an AWS client factory with its connection pools and credential cache) live here too: the host disposes
/// them when it unloads the pack.
/// </summary>
public sealed class ToolPackContext : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Type, Lazy<object>> _services = new();
    private int _disposed;

    public ToolPackContext(string pluginName, IReadOnlyDictionary<string, string?> settings, ILoggerFactory loggerFactory)
        : this(pluginName, settings, loggerFactory, new MemoryToolPackCache())
    {
    }

    /// <param name="cache">The pack's cache: in this process, or shared by the server's replicas.</param>
    public ToolPackContext(string pluginName, IReadOnlyDictionary<string, string?> settings, ILoggerFactory loggerFactory, IToolPackCache cache)
    {
        PluginName = pluginName;
        Settings = settings;
        LoggerFactory = loggerFactory;
        Cache = cache;
    }

    /// <summary>The plugin's folder name, e.g. <c>Compute</c>.</summary>
    public string PluginName { get; }

    /// <summary>Flattened configuration visible to the plugin (case-insensitive keys).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public ILoggerFactory LoggerFactory { get; }

    /// <summary>
    /// Answers worth keeping for a while (<see cref="IToolPackCache"/>): the host's replicas share it when they share
    /// a store, so one replica's billed query answers the same question on the others. Keys are the pack's own.
    /// </summary>
    public IToolPackCache Cache { get; }

    /// <summary>Returns a setting or <paramref name="fallback"/> when it is missing or empty.</summary>
    public string? GetSetting(string key, string? fallback = null) =>
        Settings.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value) ? value : fallback;

    /// <summary>
    /// The pack's one <typeparamref name="T"/>, created by <paramref name="create"/> on first use and shared by every
    /// tool class of the pack; disposed (<see cref="IAsyncDisposable"/> or <see cref="IDisposable"/>) when the pack unloads.
    /// </summary>
    public T GetOrCreate<T>(Func<ToolPackContext, T> create)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(create);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return (T)_services.GetOrAdd(typeof(T), _ => new Lazy<object>(() => create(this))).Value;
    }

    /// <summary>Warms every shared service created so far that can (<see cref="IWarmUp"/>); the host calls it once the server listens.</summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        foreach (var service in _services.Values.Where(s => s.IsValueCreated).Select(s => s.Value).OfType<IWarmUp>())
        {
            await service.WarmUpAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Disposes the pack's shared services; the host calls it once no call of the pack is running any more.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var service in _services.Values.Where(s => s.IsValueCreated).Select(s => s.Value))
        {
            switch (service)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }

        _services.Clear();
    }
}
