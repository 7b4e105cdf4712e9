using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using AwsMcp.Abstractions;

namespace AwsMcp.Host.Plugins;

/// <summary>
/// One pack's load context. The pack's own assemblies are resolved through its deps.json by the runtime's
/// <see cref="AssemblyDependencyResolver"/> (RID-specific and native assets, satellite resources); the contract and
/// the dependencies the pack ships exactly as the host has them (<see cref="SharedDependencies"/>) come from the host.
/// Collectible only for a pack loaded after start while the plugin folder is watched (<see cref="PluginFolderLoader"/>).
/// The runtime's resolver replaced McMaster.NETCore.Plugins, whose loader read every runtimeconfig.json with
/// reflection-based JSON, listed the process's modules twice per pack and loaded every shared assembly eagerly: about
/// a third of start-up.
/// </summary>
internal sealed class PackLoadContext : AssemblyLoadContext
{
    // Only the contract crosses the boundary: the Abstractions, the logging abstractions its types expose, and
    // System.Text.Json (JsonElement is in the invoker signature), with whatever they reference in turn.
    private static readonly Lazy<IReadOnlySet<string>> Contract = new(() => ReferenceClosure(
        typeof(IToolPack).Assembly, typeof(ILogger).Assembly, typeof(JsonElement).Assembly));

    private readonly AssemblyDependencyResolver _resolver;
    private readonly IReadOnlySet<string> _fromHost;

    public PackLoadContext(string name, string mainAssemblyPath, IReadOnlySet<string> fromHost, bool collectible)
        : base(name, collectible)
    {
        _resolver = new AssemblyDependencyResolver(mainAssemblyPath);
        _fromHost = fromHost;
    }

    /// <summary>Whether <paramref name="assemblyName"/> is part of the contract every pack shares with the host.</summary>
    public static bool IsContract(string assemblyName) => Contract.Value.Contains(assemblyName);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // Null defers to the host's (default) context: the contract, identical dependencies, and the framework.
        if (assemblyName.Name is not { } name || Contract.Value.Contains(name) || _fromHost.Contains(name))
        {
            return null;
        }

        return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;

    // Follows references through assemblies the host has loaded already (the contract's own dependencies, such as the
    // logging and DI abstractions); one it has not loaded is named but not opened, which keeps the closure from loading
    // half the framework at start. A pack never ships framework assemblies anyway.
    private static HashSet<string> ReferenceClosure(params Assembly[] roots)
    {
        var loaded = Default.Assemblies.GroupBy(a => a.GetName().Name ?? "").ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<AssemblyName>(roots.Select(root => root.GetName()));
        while (pending.TryDequeue(out var name))
        {
            if (name.Name is null || !names.Add(name.Name) || !loaded.TryGetValue(name.Name, out var assembly))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                pending.Enqueue(reference);
            }
        }

        return names;
    }
}
