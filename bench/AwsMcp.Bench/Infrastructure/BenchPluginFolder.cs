namespace AwsMcp.Bench.Infrastructure;

/// <summary>
/// A temporary plugins folder (<c>&lt;root&gt;/plugins/&lt;Name&gt;/&lt;Name&gt;.dll</c>) with the other folders a host under
/// benchmark writes to (shadow copies, the audit log), so that nothing lands in the user's profile.
/// </summary>
internal sealed class BenchPluginFolder : IDisposable
{
    private readonly string _root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "awsmcp-bench", Guid.NewGuid().ToString("N")[..12]);

    public BenchPluginFolder()
    {
        Directory.CreateDirectory(Path);
        Directory.CreateDirectory(ShadowPath);
    }

    public string Path => System.IO.Path.Combine(_root, "plugins");

    public string ShadowPath => System.IO.Path.Combine(_root, "shadow");

    public string AuditPath => System.IO.Path.Combine(_root, "audit");

    /// <summary>Copies a built plugin folder in as <c>plugins/&lt;name&gt;</c>.</summary>
    public BenchPluginFolder Add(string buildOutput, string name)
    {
        var target = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(buildOutput, "*", SearchOption.AllDirectories))
        {
            var destination = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(buildOutput, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }

        return this;
    }

    public BenchPluginFolder WithEcho() => Add(BenchPaths.EchoPluginOutput, "Echo");

    /// <summary>The settings that point a host at these folders, without watching them (nothing changes during a run).</summary>
    public Dictionary<string, string?> HostSettings() => new()
    {
        ["AwsMcp:Plugins:Path"] = Path,
        ["AwsMcp:Plugins:ShadowCopyPath"] = ShadowPath,
        ["AwsMcp:Plugins:Watch"] = "false",
        ["AwsMcp:Audit:Path"] = AuditPath,
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A server may still hold a shadow copy open; the temp folder is disposable.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above on file systems that report locked files this way.
        }
    }
}
