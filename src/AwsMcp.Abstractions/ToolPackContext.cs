using Microsoft.Extensions.Logging;

namespace AwsMcp.Abstractions;

/// <summary>
/// What the host gives a plugin when it loads it. Tool-holder classes may take it in their constructor.
/// Settings are flattened configuration keys (<c>Aws:Region</c>, <c>Aws:Accounts:prod:RoleArn</c>, ...), plain strings
/// so that no configuration types cross the plugin boundary.
/// </summary>
public sealed class ToolPackContext
{
    public ToolPackContext(string pluginName, IReadOnlyDictionary<string, string?> settings, ILoggerFactory loggerFactory)
    {
        PluginName = pluginName;
        Settings = settings;
        LoggerFactory = loggerFactory;
    }

    /// <summary>The plugin's folder name, e.g. <c>Compute</c>.</summary>
    public string PluginName { get; }

    /// <summary>Flattened configuration visible to the plugin (case-insensitive keys).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Returns a setting or <paramref name="fallback"/> when it is missing or empty.</summary>
    public string? GetSetting(string key, string? fallback = null) =>
        Settings.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value) ? value : fallback;
}
