using System.CommandLine;
using AwsMcp.Host.Configuration;

namespace AwsMcp.Host.Cli;

/// <summary>Options every command understands, and how they become configuration overrides.</summary>
public sealed class CommonOptions
{
    public Option<string?> Plugins { get; } = new("--plugins")
    {
        Description = "The plugins folder (<folder>/<Name>/<Name>.dll); default: 'plugins' next to the awsmcp binary, or AwsMcp:Plugins:Path.",
        Recursive = true,
    };

    /// <summary>The configuration keys set by the common options; command-line values win over every other source.</summary>
    public Dictionary<string, string?> Overrides(ParseResult parseResult)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (parseResult.GetValue(Plugins) is { } plugins)
        {
            // Relative to where the operator typed the command, not to the binary.
            overrides[$"{ConfigurationSections.Plugins}:{nameof(PluginOptions.Path)}"] = Path.GetFullPath(plugins);
        }

        return overrides;
    }
}
