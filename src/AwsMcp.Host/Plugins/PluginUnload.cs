namespace AwsMcp.Host.Plugins;

/// <summary>A plugin version that was unloaded: <see cref="Collected"/> completes with true once its load context is gone.</summary>
/// <param name="Name">The plugin name.</param>
/// <param name="Context">A weak reference to the unloaded load context.</param>
/// <param name="Collected">True when the context was collected, false when something still holds it (a leak).</param>
public sealed record PluginUnload(string Name, WeakReference Context, Task<bool> Collected);
