namespace AwsMcp.Host.Plugins.Install;

/// <summary>
/// The tool-pack package format (produced by build/ToolPack.targets): a .nupkg whose nuspec declares the package type
/// <see cref="PackageType"/> and whose <c>plugin/&lt;Name&gt;/**</c> is the folder the host loads from
/// <c>&lt;plugins&gt;/&lt;Name&gt;/</c>.
/// </summary>
public static class ToolPackFormat
{
    public const string PackageType = "AwsMcpToolPack";

    /// <summary>The package folder holding the plugin folder.</summary>
    public const string PluginRoot = "plugin/";

    /// <summary>Written by the installer into the plugin folder; a package must not contain it.</summary>
    public const string ReceiptFileName = ".toolpack-receipt.json";
}
