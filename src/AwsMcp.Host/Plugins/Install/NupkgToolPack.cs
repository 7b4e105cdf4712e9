using System.IO.Compression;
using System.Security.Cryptography;

namespace AwsMcp.Host.Plugins.Install;

/// <summary>
/// A tool-pack .nupkg: checks the package type and the layout (exactly one <c>plugin/&lt;Name&gt;/</c> with
/// <c>&lt;Name&gt;.dll</c>, no path escaping it) when opened, extracts only that folder.
/// </summary>
public sealed class NupkgToolPack : ToolPackSource
{
    /// <summary>Refuses packages that claim to unpack to more than this (zip bombs fill the disk of the server).</summary>
    public const long MaxExtractedBytes = 1L << 30;

    private readonly ZipArchive _archive;
    private readonly IReadOnlyList<(ZipArchiveEntry Entry, string RelativePath)> _files;

    private NupkgToolPack(string path, string pluginName, Nuspec nuspec, string sha256, ZipArchive archive, IReadOnlyList<(ZipArchiveEntry, string)> files)
        : base(path, pluginName, nuspec.Id, nuspec.Version, sha256)
    {
        _archive = archive;
        _files = files;
    }

    public static new NupkgToolPack Open(string path)
    {
        var sha256 = HashFile(path);
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException ex)
        {
            throw new ToolPackInstallException($"'{path}' is not a .nupkg (zip) file: {ex.Message}", ex);
        }

        try
        {
            var nuspec = ReadNuspec(archive);
            if (!nuspec.PackageTypes.Contains(ToolPackFormat.PackageType, StringComparer.OrdinalIgnoreCase))
            {
                throw new ToolPackInstallException(
                    $"{nuspec.Id} {nuspec.Version} is not a tool pack: its package types are [{string.Join(", ", nuspec.PackageTypes)}], expected {ToolPackFormat.PackageType}");
            }

            var (pluginName, files) = ReadPluginFolder(archive, nuspec);
            return new NupkgToolPack(path, pluginName, nuspec, sha256, archive, files);
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Extracts the plugin folder. Every entry must hold exactly the number of bytes it declares (an entry that lies
    /// about its size would be installed truncated, or past the extraction limit); a broken one refuses the package.
    /// </summary>
    public override void CopyTo(string folder)
    {
        long total = 0;
        foreach (var (entry, relativePath) in _files)
        {
            var target = SafePath.Under(folder, relativePath);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            try
            {
                using var source = entry.Open();
                using var destination = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
                var (copied, crc) = CopyBounded(source, destination, MaxExtractedBytes - total);
                if (copied != entry.Length || crc != entry.Crc32)
                {
                    throw new ToolPackInstallException(
                        $"{Id} {Version}: entry '{entry.FullName}' does not hold the {entry.Length} bytes (and checksum) it declares; the package is damaged or forged");
                }

                total += copied;
            }
            catch (InvalidDataException ex)
            {
                throw new ToolPackInstallException($"{Id} {Version}: entry '{entry.FullName}' cannot be read: {ex.Message}", ex);
            }
        }
    }

    // Copies at most limit + 1 bytes, so that "more than declared" shows without reading a bomb to its end, and
    // checksums what it copied: the reader stops at the declared size, so a shortened size shows only in the CRC.
    private static (long Copied, uint Crc) CopyBounded(Stream source, Stream destination, long limit)
    {
        var buffer = new byte[81920];
        long copied = 0;
        uint crc = 0;
        int read;
        while (copied <= limit && (read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, limit + 1 - copied))) > 0)
        {
            destination.Write(buffer, 0, read);
            crc = Crc32.Append(crc, buffer.AsSpan(0, read));
            copied += read;
        }

        return (copied, crc);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _archive.Dispose();
        }

        base.Dispose(disposing);
    }

    private static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static Nuspec ReadNuspec(ZipArchive archive)
    {
        var nuspecs = archive.Entries
            .Where(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (nuspecs.Count != 1)
        {
            throw new ToolPackInstallException($"not a NuGet package: expected one .nuspec at the root, found {nuspecs.Count}");
        }

        try
        {
            using var stream = nuspecs[0].Open();
            return Nuspec.Read(stream);
        }
        catch (InvalidDataException ex)
        {
            throw new ToolPackInstallException($"the package's .nuspec cannot be read (the package is damaged): {ex.Message}", ex);
        }
    }

    private static (string PluginName, IReadOnlyList<(ZipArchiveEntry, string)> Files) ReadPluginFolder(ZipArchive archive, Nuspec nuspec)
    {
        var files = new List<(ZipArchiveEntry Entry, string Path)>();
        long declaredBytes = 0;
        foreach (var entry in archive.Entries)
        {
            if (!entry.FullName.StartsWith(ToolPackFormat.PluginRoot, StringComparison.Ordinal) || entry.FullName.EndsWith('/'))
            {
                continue; // NuGet's own metadata, and directory entries
            }

            // NuGet escapes some characters in entry names (a space is %20, '+' is %2B); check the unescaped path.
            var path = Uri.UnescapeDataString(entry.FullName[ToolPackFormat.PluginRoot.Length..]);
            SafePath.Check(path);
            declaredBytes += entry.Length;
            files.Add((entry, path));
        }

        var names = files.Select(f => f.Path.Split('/')[0]).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count != 1 || !files.Any(f => f.Path.Contains('/')))
        {
            throw new ToolPackInstallException(
                $"{nuspec.Id} {nuspec.Version} must hold exactly one folder {ToolPackFormat.PluginRoot}<Name>/, found [{string.Join(", ", names)}]");
        }

        var name = PluginFolderName.Validate(names[0]);
        var inFolder = files.Select(f => (f.Entry, f.Path[(name.Length + 1)..])).ToList();
        if (!inFolder.Any(f => f.Item2 == name + ".dll"))
        {
            throw new ToolPackInstallException($"{nuspec.Id} {nuspec.Version} has no {ToolPackFormat.PluginRoot}{name}/{name}.dll (the host loads <Name>/<Name>.dll)");
        }

        if (inFolder.Any(f => f.Item2 == ToolPackFormat.ReceiptFileName))
        {
            throw new ToolPackInstallException($"{nuspec.Id} {nuspec.Version} contains {ToolPackFormat.ReceiptFileName}, which only the installer writes");
        }

        if (declaredBytes > MaxExtractedBytes)
        {
            throw new ToolPackInstallException($"{nuspec.Id} {nuspec.Version} would extract to {declaredBytes} bytes, more than the limit of {MaxExtractedBytes}");
        }

        return (name, inFolder);
    }
}
