using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace AwsMcp.Host.Plugins.Install;

/// <summary>
/// A plugin folder laid out as the host loads it (for example a <c>dotnet publish</c> output renamed to the plugin
/// name): <c>&lt;Name&gt;/&lt;Name&gt;.dll</c>. Its hash covers every file's relative path and content.
/// </summary>
public sealed class FolderToolPack : ToolPackSource
{
    private readonly IReadOnlyList<string> _files;

    private FolderToolPack(string path, string pluginName, string version, string sha256, IReadOnlyList<string> files)
        : base(path, pluginName, pluginName, version, sha256) => _files = files;

    public static new FolderToolPack Open(string path)
    {
        var name = PluginFolderName.Validate(System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(path)));
        var mainAssembly = System.IO.Path.Combine(path, name + ".dll");
        if (!File.Exists(mainAssembly))
        {
            throw new ToolPackInstallException($"folder '{path}' has no {name}.dll: a plugin folder is named like its main assembly (<Name>/<Name>.dll)");
        }

        var files = new List<string>();
        foreach (var entry in new DirectoryInfo(path).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            // A link could make the copy read files from anywhere on the server.
            if (entry.LinkTarget is not null)
            {
                throw new ToolPackInstallException($"'{entry.FullName}' is a link; a plugin folder must contain only plain files and folders");
            }

            var relative = System.IO.Path.GetRelativePath(path, entry.FullName).Replace('\\', '/');
            if (entry is FileInfo && relative != ToolPackFormat.ReceiptFileName)
            {
                files.Add(relative);
            }
        }

        files.Sort(StringComparer.Ordinal);
        return new FolderToolPack(path, name, ReadVersion(mainAssembly), Hash(path, files), files);
    }

    public override void CopyTo(string folder)
    {
        foreach (var relative in _files)
        {
            var target = SafePath.Under(folder, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(System.IO.Path.Combine(Path, relative), target, overwrite: false);
        }
    }

    /// <summary>SHA-256 of "path\nsha256\n" per file in ordinal order: any renamed, added, removed or changed file changes it.</summary>
    private static string Hash(string root, IReadOnlyList<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var relative in files)
        {
            using var stream = File.OpenRead(System.IO.Path.Combine(root, relative));
            hash.AppendData(Encoding.UTF8.GetBytes($"{relative}\n{Convert.ToHexStringLower(SHA256.HashData(stream))}\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Reads the assembly version from metadata only; the Abstractions check reports unreadable assemblies.</summary>
    private static string ReadVersion(string mainAssembly)
    {
        try
        {
            return AssemblyName.GetAssemblyName(mainAssembly).Version?.ToString() ?? "0.0.0.0";
        }
        catch (Exception ex) when (ex is BadImageFormatException or FileLoadException)
        {
            return "unknown";
        }
    }
}
