using System.Collections.Concurrent;

namespace AwsMcp.Host.Plugins;

/// <summary>
/// Finds the dependencies a pack ships exactly as the host has them (same assembly name and module version id: the
/// same build of the same package, AWSSDK.* and AwsMcp.Aws above all), so that they load once, from the host, rather
/// than into the pack's load context. Isolation is for plugin code: an identical copy of a library isolates nothing,
/// and each copy costs its types, its JIT-compiled code and its warm-up once more per pack. A shared library is not
/// collectible, so no SDK code runs from a collectible context even when the folder is watched. A dependency that
/// references one the pack ships in another version stays private with it, so that a pack never meets two versions
/// of one type (the contract always comes from the host: <see cref="PackLoadContext"/>). Read from metadata only;
/// nothing of the pack runs.
/// </summary>
internal static class SharedDependencies
{
    private static readonly Lazy<Dictionary<string, string>> HostAssemblyPaths = new(ReadHostAssemblyPaths);
    private static readonly ConcurrentDictionary<string, Guid?> HostModuleIds = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The names of the assemblies in <paramref name="folder"/> (besides the pack's own) to load from the host.</summary>
    public static IReadOnlySet<string> Find(string folder, string packAssemblyName)
    {
        var shipped = new Dictionary<string, AssemblyIdentity>(StringComparer.OrdinalIgnoreCase);
        // The pack's own file is skipped unread: it is never shared, and the version check has read it already.
        foreach (var file in Directory.EnumerateFiles(folder, "*.dll").Where(f => !string.Equals(Path.GetFileNameWithoutExtension(f), packAssemblyName, StringComparison.OrdinalIgnoreCase)))
        {
            if (Read(file) is { } identity && !string.Equals(identity.Name, packAssemblyName, StringComparison.OrdinalIgnoreCase))
            {
                shipped[identity.Name] = identity;
            }
        }

        var shared = shipped.Values.Where(a => HostModuleId(a.Name) == a.ModuleId).Select(a => a.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        bool removed;
        do
        {
            removed = false;
            foreach (var name in shared.ToArray())
            {
                if (shipped[name].References.Any(r => shipped.ContainsKey(r) && !shared.Contains(r) && !PackLoadContext.IsContract(r)))
                {
                    removed |= shared.Remove(name);
                }
            }
        }
        while (removed);

        return shared;
    }

    private static Guid? HostModuleId(string name) =>
        HostModuleIds.GetOrAdd(name, static n => HostAssemblyPaths.Value.TryGetValue(n, out var path) ? Read(path)?.ModuleId : null);

    private static AssemblyIdentity? Read(string path)
    {
        try
        {
            return AssemblyMetadata.Read(path) is { } metadata
                ? new AssemblyIdentity(metadata.Name, metadata.ModuleVersionId, [.. metadata.References.Select(r => r.Name)])
                : null;
        }
        catch (Exception ex) when (ex is BadImageFormatException or IOException or UnauthorizedAccessException)
        {
            return null; // not ours to judge here: the load reports a broken dependency in its own stage
        }
    }

    // The host's own assemblies, as the runtime resolves them for the default load context.
    private static Dictionary<string, string> ReadHostAssemblyPaths()
    {
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
        foreach (var path in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            paths.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        }

        return paths;
    }

    private sealed record AssemblyIdentity(string Name, Guid ModuleId, string[] References);
}
