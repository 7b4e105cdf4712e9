namespace AwsMcp.Host.Plugins.Install;

/// <summary>
/// What was installed, from where and by whom; written as JSON to <c>&lt;plugins&gt;/&lt;Name&gt;/.toolpack-receipt.json</c>
/// in the same atomic swap as the plugin's files.
/// </summary>
/// <param name="Plugin">The plugin folder name.</param>
/// <param name="Id">The package id (the folder name for a folder install).</param>
/// <param name="Version">The package version (the assembly version for a folder install).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the .nupkg (of the file list and contents for a folder).</param>
/// <param name="Source">The .nupkg file or folder installed from.</param>
/// <param name="AbstractionsVersion">The AwsMcp.Abstractions version the plugin was built against.</param>
/// <param name="InstalledAt">When (UTC).</param>
/// <param name="InstalledBy">Who: the operator's user name unless given.</param>
public sealed record InstallReceipt(
    string Plugin,
    string Id,
    string Version,
    string Sha256,
    string Source,
    string AbstractionsVersion,
    DateTimeOffset InstalledAt,
    string InstalledBy);
