namespace AwsMcp.Host.Plugins.Install;

/// <summary>Checks relative paths that come from a package and maps them under a folder, refusing anything that escapes it (zip slip).</summary>
public static class SafePath
{
    /// <summary>Throws unless <paramref name="relativePath"/> is a plain relative path with '/' separators and no '.' or '..' segments.</summary>
    public static void Check(string relativePath)
    {
        if (relativePath.Length == 0
            || Path.IsPathRooted(relativePath)
            || relativePath.Contains('\\')
            || relativePath.Contains(':')
            || relativePath.Contains('\0')
            || relativePath.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            throw new ToolPackInstallException($"unsafe path '{relativePath}' in the package: it must be relative and stay inside the plugin folder");
        }
    }

    /// <summary>The full path of <paramref name="relativePath"/> under <paramref name="root"/>, after <see cref="Check"/>.</summary>
    public static string Under(string root, string relativePath)
    {
        Check(relativePath);
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(fullRoot, relativePath));

        // Belt and braces: Check already rules out every way out, but the comparison is what guarantees it.
        return full.StartsWith(fullRoot, StringComparison.Ordinal)
            ? full
            : throw new ToolPackInstallException($"unsafe path '{relativePath}' in the package: it leaves the plugin folder");
    }
}
