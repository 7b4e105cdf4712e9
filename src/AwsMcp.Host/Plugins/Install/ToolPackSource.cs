namespace AwsMcp.Host.Plugins.Install;

/// <summary>
/// A tool pack to install, opened and checked but not yet extracted: its identity, the SHA-256 the allow-list is
/// matched against, and the files of its plugin folder. Nothing in it is executed.
/// </summary>
public abstract class ToolPackSource : IDisposable
{
    protected ToolPackSource(string path, string pluginName, string id, string version, string sha256)
    {
        Path = path;
        PluginName = pluginName;
        Id = id;
        Version = version;
        Sha256 = sha256;
    }

    /// <summary>The .nupkg file or folder given to the installer (absolute).</summary>
    public string Path { get; }

    /// <summary>The plugin folder name, <c>&lt;plugins&gt;/&lt;PluginName&gt;/&lt;PluginName&gt;.dll</c>.</summary>
    public string PluginName { get; }

    public string Id { get; }

    public string Version { get; }

    /// <summary>Lower-case hex SHA-256 of the .nupkg file, or of the folder's sorted file list and file hashes.</summary>
    public string Sha256 { get; }

    /// <summary>Opens a .nupkg file or a plugin folder.</summary>
    public static ToolPackSource Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return FolderToolPack.Open(full);
        }

        return File.Exists(full)
            ? NupkgToolPack.Open(full)
            : throw new ToolPackInstallException($"'{path}' is neither a .nupkg file nor a plugin folder (looked for {full}, from the working directory {Environment.CurrentDirectory})");
    }

    /// <summary>Writes the plugin folder's files into <paramref name="folder"/> (which exists and is empty).</summary>
    public abstract void CopyTo(string folder);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
