using System.Globalization;
using System.Text;

namespace AwsMcp.Host.Plugins;

/// <summary>
/// Names, sizes and write times of every file in a plugin folder. File watchers report touches and attribute
/// changes too; comparing fingerprints avoids reloading (and notifying clients) when nothing really changed.
/// </summary>
public static class FolderFingerprint
{
    public static string Of(string folder)
    {
        var builder = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(file);
            builder.Append(CultureInfo.InvariantCulture, $"{Path.GetRelativePath(folder, file)}|{info.Length}|{info.LastWriteTimeUtc.Ticks}\n");
        }

        return builder.ToString();
    }
}
