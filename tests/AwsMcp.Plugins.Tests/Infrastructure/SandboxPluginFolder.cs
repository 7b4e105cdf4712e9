namespace AwsMcp.Plugins.Tests.Infrastructure;

/// <summary>A temporary plugins folder holding copies of the real tool-pack builds, laid out as the host expects (<c>&lt;Name&gt;/&lt;Name&gt;.dll</c>).</summary>
internal sealed class SandboxPluginFolder : IDisposable
{
    private readonly string _root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "awsmcp-plugin-tests", Guid.NewGuid().ToString("N")[..12]);

    private SandboxPluginFolder()
    {
    }

    /// <summary>The plugins folder.</summary>
    public string Path => System.IO.Path.Combine(_root, "plugins");

    /// <summary>The audit folder of one host: never the user's own.</summary>
    public string AuditPath(string host) => System.IO.Path.Combine(_root, "audit-" + host);

    /// <summary>Shadow-copy folder for one host (each host gets its own, so two hosts never share loaded copies).</summary>
    public string ShadowPath(string host) => System.IO.Path.Combine(_root, "shadow-" + host);

    /// <summary>Copies every recorded tool-pack build; a recorded pack without its built DLL fails the fixture.</summary>
    public static SandboxPluginFolder CopyBuiltToolPacks(IReadOnlyDictionary<string, string> outputs)
    {
        Assert.NotEmpty(outputs);
        var folder = new SandboxPluginFolder();
        foreach (var (name, output) in outputs)
        {
            var dll = System.IO.Path.Combine(output, name + ".dll");
            if (!File.Exists(dll))
            {
                folder.Dispose();
                Assert.Fail($"Tool pack {name} has no build output at {dll}; build tests/AwsMcp.Plugins.Tests (it builds every tool pack first).");
            }

            var target = System.IO.Path.Combine(folder.Path, name);
            Directory.CreateDirectory(target);
            foreach (var file in Directory.EnumerateFiles(output))
            {
                File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)), overwrite: true);
            }
        }

        return folder;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A host may still hold a shadow copy open while shutting down; the folder is temporary anyway.
        }
    }
}
