namespace AwsMcp.Host.Plugins.Install;

/// <summary>
/// A plugin name that is safe as a folder name under the plugins folder: it comes from a package (untrusted) or the
/// command line, and becomes <c>&lt;plugins&gt;/&lt;Name&gt;/</c>.
/// </summary>
public static class PluginFolderName
{
    private const int MaxLength = 100;

    /// <summary>Letters, digits, '.', '_' and '-', not starting with '.' (dot-folders are the installer's staging area).</summary>
    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name)
        && name.Length <= MaxLength
        && name[0] != '.'
        && !name.EndsWith('.')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    public static string Validate(string? name) => IsValid(name)
        ? name!
        : throw new ToolPackInstallException(
            $"'{name}' is not a valid plugin name: use letters, digits, '.', '_' and '-' (at most {MaxLength}), not starting or ending with '.'");
}
