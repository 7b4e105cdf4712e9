using System.Text.Json;

namespace AwsMcp.Host.Plugins.Install;

/// <summary>
/// Installs tool packs into the plugins folder and removes them, so that a running host picks the change up (it
/// watches the folder and ignores dot-folders). An install checks everything without running plugin code, extracts
/// into <c>.staging-&lt;Name&gt;-…</c> inside the plugins folder (same file system, so the final rename is atomic),
/// writes the receipt there and renames the folder into place; the host never sees a half-written plugin.
/// </summary>
public sealed class ToolPackInstaller
{
    private const string StagingPrefix = ".staging-";
    private const string ReplacedPrefix = ".replaced-";
    private const string RemovedPrefix = ".removed-";
    private const string LockFileName = ".install.lock";

    private static readonly JsonSerializerOptions ReceiptJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly TrustedPackages _trusted;
    private readonly TimeProvider _time;

    public ToolPackInstaller(string pluginsPath, TrustedPackages trusted, TimeProvider? time = null)
    {
        PluginsPath = Path.GetFullPath(pluginsPath);
        _trusted = trusted;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The plugins folder (absolute).</summary>
    public string PluginsPath { get; }

    /// <summary>Validates <paramref name="source"/> (a .nupkg file or a plugin folder) and installs or replaces its plugin.</summary>
    public InstallReceipt Install(string source, string installedBy)
    {
        using var pack = ToolPackSource.Open(source);
        _trusted.Demand(pack);

        Directory.CreateDirectory(PluginsPath);
        using var gate = AcquireInstallLock();
        RemoveLeftovers();

        var staging = Path.Combine(PluginsPath, $"{StagingPrefix}{pack.PluginName}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            pack.CopyTo(staging);
            var abstractions = CheckAbstractions(Path.Combine(staging, pack.PluginName + ".dll"));
            var receipt = new InstallReceipt(
                pack.PluginName, pack.Id, pack.Version, pack.Sha256, pack.Path, abstractions.ToString(), _time.GetUtcNow(), installedBy);
            File.WriteAllText(Path.Combine(staging, ToolPackFormat.ReceiptFileName), JsonSerializer.Serialize(receipt, ReceiptJson));
            SwapIn(staging, Path.Combine(PluginsPath, pack.PluginName));
            return receipt;
        }
        finally
        {
            TryDelete(staging);
        }
    }

    /// <summary>Removes an installed plugin (by rename, then delete); returns its receipt if it had one.</summary>
    public InstallReceipt? Remove(string name)
    {
        var folder = Path.Combine(PluginsPath, PluginFolderName.Validate(name));
        if (!Directory.Exists(folder))
        {
            throw new ToolPackInstallException($"no plugin '{name}' in {PluginsPath}");
        }

        using var gate = AcquireInstallLock();
        var receipt = ReadReceipt(folder);
        var removed = Path.Combine(PluginsPath, $"{RemovedPrefix}{name}-{Guid.NewGuid():N}");
        Directory.Move(folder, removed);
        TryDelete(removed);
        return receipt;
    }

    /// <summary>The receipt of an installed plugin folder, or null when it was not installed by the installer.</summary>
    public static InstallReceipt? ReadReceipt(string pluginFolder)
    {
        var path = Path.Combine(pluginFolder, ToolPackFormat.ReceiptFileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<InstallReceipt>(File.ReadAllText(path), ReceiptJson) : null;
    }

    private static Version CheckAbstractions(string mainAssembly)
    {
        try
        {
            return AbstractionsVersionCheck.Check(mainAssembly);
        }
        catch (PluginLoadException ex)
        {
            throw new ToolPackInstallException($"{Path.GetFileName(mainAssembly)}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Directory renames cannot replace a non-empty folder, so the current version is renamed away first and renamed
    /// back if the new one cannot take its place. The host debounces folder events, so it sees only the end state.
    /// </summary>
    private static void SwapIn(string staging, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }

        var replaced = Path.Combine(Path.GetDirectoryName(target)!, $"{ReplacedPrefix}{Path.GetFileName(target)}-{Guid.NewGuid():N}");
        Directory.Move(target, replaced);
        try
        {
            Directory.Move(staging, target);
        }
        catch
        {
            Directory.Move(replaced, target);
            throw;
        }

        TryDelete(replaced);
    }

    /// <summary>One install or removal at a time per plugins folder, across processes (an advisory lock on Unix).</summary>
    private FileStream AcquireInstallLock()
    {
        try
        {
            return new FileStream(Path.Combine(PluginsPath, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new ToolPackInstallException($"another install or removal is running in {PluginsPath}; try again", ex);
        }
    }

    /// <summary>Folders an interrupted install or removal left behind (the lock is held, so none is in use).</summary>
    private void RemoveLeftovers()
    {
        foreach (var folder in Directory.EnumerateDirectories(PluginsPath))
        {
            var name = Path.GetFileName(folder);
            if (name.StartsWith(StagingPrefix, StringComparison.Ordinal)
                || name.StartsWith(ReplacedPrefix, StringComparison.Ordinal)
                || name.StartsWith(RemovedPrefix, StringComparison.Ordinal))
            {
                TryDelete(folder);
            }
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next install to clean up (RemoveLeftovers); the host ignores dot-folders.
        }
    }
}
