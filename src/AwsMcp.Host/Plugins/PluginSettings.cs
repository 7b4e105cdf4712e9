using AwsMcp.Host.Configuration;

namespace AwsMcp.Host.Plugins;

/// <summary>
/// Builds the flattened settings a plugin sees: <c>AwsMcp:Aws:*</c> as <c>Aws:*</c> and
/// <c>AwsMcp:Plugins:Settings:&lt;Name&gt;:*</c> as <c>Plugin:*</c>. Plain strings keep configuration types out of
/// the plugin boundary, and a plugin never sees another plugin's settings.
/// </summary>
public static class PluginSettings
{
    public static IReadOnlyDictionary<string, string?> For(IConfiguration configuration, string pluginName)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Copy(configuration.GetSection(ConfigurationSections.Aws), "Aws", settings);
        Copy(configuration.GetSection($"{ConfigurationSections.PluginSettings}:{pluginName}"), "Plugin", settings);
        return settings;
    }

    private static void Copy(IConfigurationSection section, string prefix, Dictionary<string, string?> into)
    {
        foreach (var (key, value) in section.AsEnumerable(makePathsRelative: true))
        {
            if (value is not null)
            {
                into[$"{prefix}:{key}"] = value;
            }
        }
    }
}
