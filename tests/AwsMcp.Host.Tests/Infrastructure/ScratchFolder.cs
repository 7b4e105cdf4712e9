namespace AwsMcp.Host.Tests.Infrastructure;

/// <summary>A temporary folder for what a test makes (packages, builds, projects), deleted afterwards.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder(string purpose)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), purpose, Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A path inside the folder.</summary>
    public string Combine(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file; the folder is in the temp area.
        }
    }
}
