using System.IO.Compression;

namespace AwsMcp.Host.Tests.Infrastructure;

/// <summary>Writes .nupkg files shaped like build/ToolPack.targets makes them, and deliberately malformed ones.</summary>
internal static class ToolPackFile
{
    public const string Id = "Contoso.Echo";

    /// <summary>A tool pack holding <paramref name="pluginFolder"/>'s files under <c>plugin/&lt;name&gt;/</c>.</summary>
    public static string FromFolder(string path, string pluginFolder, string name, string version = "1.2.3", string packageType = "AwsMcpToolPack")
    {
        var files = Directory.EnumerateFiles(pluginFolder)
            .Select(file => ($"plugin/{name}/{Path.GetFileName(file)}", File.ReadAllBytes(file)));
        return Write(path, Nuspec(Id, version, packageType), files);
    }

    public static string Nuspec(string id, string version, string packageType) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
          <metadata>
            <id>{id}</id>
            <version>{version}</version>
            <authors>Contoso</authors>
            <description>Test tool pack.</description>
            <packageTypes><packageType name="{packageType}" /></packageTypes>
          </metadata>
        </package>
        """;

    public static string Write(string path, string nuspec, IEnumerable<(string EntryName, byte[] Content)> entries)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var writer = new StreamWriter(archive.CreateEntry(Id + ".nuspec").Open()))
        {
            writer.Write(nuspec);
        }

        foreach (var (entryName, content) in entries)
        {
            using var stream = archive.CreateEntry(entryName).Open();
            stream.Write(content);
        }

        return path;
    }
}
