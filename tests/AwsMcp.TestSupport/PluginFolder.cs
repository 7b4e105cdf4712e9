namespace AwsMcp.TestSupport;

/// <summary>
/// A temporary plugins folder (<c>&lt;Path&gt;/&lt;Name&gt;/&lt;Name&gt;.dll</c>, as the host expects) beside the other
/// folders a host under test writes to (shadow copies, the audit log), so that nothing lands in the user's profile.
/// </summary>
public sealed class PluginFolder : IDisposable
{
    private readonly string _root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "awsmcp-tests", Guid.NewGuid().ToString("N")[..12]);

    public PluginFolder()
    {
        Directory.CreateDirectory(Path);
        Directory.CreateDirectory(ShadowPath);
    }

    /// <summary>The plugins folder.</summary>
    public string Path => System.IO.Path.Combine(_root, "plugins");

    /// <summary>The audit folder of the host under test (never the user's default one).</summary>
    public string AuditPath => System.IO.Path.Combine(_root, "audit");

    /// <summary>Where the host under test keeps its shadow copies.</summary>
    public string ShadowPath => System.IO.Path.Combine(_root, "shadow");

    /// <summary>The audit folder of one of several hosts over this folder.</summary>
    public string AuditPathOf(string host) => AuditPath + "-" + host;

    /// <summary>The shadow-copy folder of one of several hosts: each has its own, so two hosts never share loaded copies.</summary>
    public string ShadowPathOf(string host) => ShadowPath + "-" + host;

    public string FolderOf(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>The settings that point a host at these folders (at <paramref name="host"/>'s own audit and shadow folders when named).</summary>
    public Dictionary<string, string?> HostSettings(string? host = null) => new()
    {
        ["AwsMcp:Plugins:Path"] = Path,
        ["AwsMcp:Plugins:ShadowCopyPath"] = host is null ? ShadowPath : ShadowPathOf(host),
        ["AwsMcp:Audit:Path"] = host is null ? AuditPath : AuditPathOf(host),
    };

    /// <summary>
    /// Copies a plugin's build output in as <c>plugins/&lt;name&gt;</c>: its files only, since a tool pack's build
    /// folder also holds the <c>publish/</c> copy that packing made.
    /// </summary>
    public PluginFolder Add(string buildOutput, string name)
    {
        var target = FolderOf(name);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(buildOutput))
        {
            File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)), overwrite: true);
        }

        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // A host may still hold a shadow copy open while shutting down; the folder is temporary anyway.
        }
    }
}
