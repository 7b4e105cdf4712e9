namespace AwsMcp.Host.Configuration;

/// <summary>Where plugins live and how the folder is watched (<c>AwsMcp:Plugins</c>).</summary>
public sealed class PluginOptions : IValidatableOptions
{
    public static string Section => ConfigurationSections.Plugins;

    /// <summary>The plugins folder: <c>&lt;Path&gt;/&lt;Name&gt;/&lt;Name&gt;.dll</c>. Relative paths are relative to the host binary.</summary>
    public string Path { get; set; } = "plugins";

    /// <summary>
    /// Reload plugins when their folders change. Off for one-shot commands such as <c>call</c>. A version loaded after
    /// start unloads completely when replaced; the ones loaded at start keep their code until the server restarts.
    /// </summary>
    public bool Watch { get; set; } = true;

    /// <summary>Quiet period after the last file change before a plugin folder is (re)loaded; lets copies finish.</summary>
    public int ReloadDelayMilliseconds { get; set; } = 500;

    /// <summary>Where loaded plugins are copied so that their folders can be replaced or deleted while they run.</summary>
    public string? ShadowCopyPath { get; set; }

    /// <summary>The plugins folder as an absolute path.</summary>
    public string FullPath => System.IO.Path.GetFullPath(Path, AppContext.BaseDirectory);

    /// <summary>The shadow-copy root as an absolute path (one folder per process).</summary>
    public string ShadowCopyFullPath => System.IO.Path.GetFullPath(
        ShadowCopyPath ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "awsmcp-plugins"));

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            yield return "Path must name the plugins folder (e.g. 'plugins').";
        }

        if (ReloadDelayMilliseconds is < 50 or > 60_000)
        {
            yield return $"ReloadDelayMilliseconds must be between 50 and 60000 (was {ReloadDelayMilliseconds}).";
        }
    }
}
