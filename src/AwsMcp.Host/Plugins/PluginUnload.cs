namespace AwsMcp.Host.Plugins;

/// <summary>
/// A plugin version being unloaded: <see cref="Collected"/> completes with true once its running calls are done, its
/// services are disposed and its load context is gone; false when something still holds it (a leak).
/// </summary>
/// <param name="Name">The plugin name.</param>
/// <param name="Collected">True when the load context was collected.</param>
public sealed record PluginUnload(string Name, Task<bool> Collected);
