namespace AwsMcp.Host.Plugins;

/// <summary>A plugin could not be loaded; <see cref="Stage"/> says where and the message says why.</summary>
public sealed class PluginLoadException : Exception
{
    public PluginLoadException(string stage, string message)
        : base(message) => Stage = stage;

    public string Stage { get; }
}
