using System.Reflection;
using AwsMcp.Abstractions;
using AwsMcp.Host.SharedState;

namespace AwsMcp.Host.Plugins;

/// <summary>
/// Loads one plugin folder into its own load context, in named stages so that a failure says where it happened.
/// Nothing of the plugin runs before its Abstractions version has been checked from metadata. The context is
/// collectible only when the caller says so (<see cref="PluginCatalog"/>: a pack loaded after start while the folder
/// is watched, the one case where it may be replaced while the server runs). A pack loaded at start is not: the
/// four built-in packs measured 4 MiB less idle memory and first calls 20–25 ms faster in non-collectible contexts,
/// and a test host that loaded and unloaded packs by the hundred crashed in the AWS SDK's code with an access
/// violation (a runtime cache race on unload, the dotnet/runtime#132562 family). The AWS SDK itself comes from the
/// host when the pack ships the host's build of it (<see cref="SharedDependencies"/>), so it never runs from a
/// collectible context.
/// </summary>
public sealed class PluginFolderLoader(IConfiguration configuration, ILoggerFactory loggerFactory, IToolPackCaches caches)
{
    private static readonly string ToolPackAttributeName = typeof(ToolPackAttribute).FullName!;

    /// <summary>
    /// Loads <c>&lt;folder&gt;/&lt;name&gt;.dll</c> from a private copy in <paramref name="shadowFolder"/>, into a
    /// context that can be unloaded later when <paramref name="collectible"/>.
    /// </summary>
    public async Task<LoadedPlugin> LoadAsync(string name, string folder, string shadowFolder, bool collectible, CancellationToken cancellationToken)
    {
        var mainAssembly = Path.Combine(folder, name + ".dll");
        var abstractionsVersion = AbstractionsVersionCheck.Check(mainAssembly);
        var fingerprint = FolderFingerprint.Of(folder);
        var fromHost = SharedDependencies.Find(folder, name);
        CopyFolder(folder, shadowFolder, fromHost);

        ToolPackContext? context = null;
        var shadowAssembly = Path.Combine(shadowFolder, name + ".dll");
        var loadContext = new PackLoadContext(name, shadowAssembly, fromHost, collectible);
        try
        {
            var stage = PluginLoadStages.LoadAssembly;
            try
            {
                var assembly = loadContext.LoadFromAssemblyPath(shadowAssembly);

                stage = PluginLoadStages.FindRegistration;
                var registrationType = FindRegistration(assembly);

                // Resolve direct dependencies now: a missing DLL fails the load instead of the first tool call.
                stage = PluginLoadStages.LoadDependencies;
                foreach (var reference in assembly.GetReferencedAssemblies())
                {
                    loadContext.LoadFromAssemblyName(reference);
                }

                stage = PluginLoadStages.CreateTools;
                var pack = (IToolPack)Activator.CreateInstance(registrationType)!;
                context = new ToolPackContext(name, PluginSettings.For(configuration, name), loggerFactory, caches.For(name));
                var descriptors = pack.CreateTools(context)
                    ?? throw new PluginLoadException(stage, "CreateTools returned null");

                stage = PluginLoadStages.ValidateDescriptors;
                var calls = new PluginCalls();
                var tools = DescriptorValidator.Validate(name, descriptors, calls);
                return new LoadedPlugin(name, folder, shadowFolder, fingerprint, abstractionsVersion, tools, calls, context, loadContext);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw; // the server is stopping
            }
            catch (Exception ex) when (ex is not PluginLoadException)
            {
                // Whatever plugin code throws, a cancellation of its own included, fails this plugin only.
                throw new PluginLoadException(stage, LoadFailureExplainer.Explain(ex));
            }
        }
        catch
        {
            if (context is not null)
            {
                await context.DisposeAsync();
            }

            if (loadContext.IsCollectible)
            {
                loadContext.Unload();
            }

            throw;
        }
    }

    private static Type FindRegistration(Assembly assembly)
    {
        // Compare by name first: a plugin that bound its own copy of the Abstractions has a *different* attribute
        // type, and GetCustomAttribute<ToolPackAttribute>() would silently return null.
        var data = assembly.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == ToolPackAttributeName)
            ?? throw new PluginLoadException(PluginLoadStages.FindRegistration, $"assembly '{assembly.GetName().Name}' has no [assembly: ToolPack(typeof(...))]; not a tool pack (is the AwsMcp generator referenced?)");
        if (data.AttributeType != typeof(ToolPackAttribute))
        {
            throw new PluginLoadException(
                PluginLoadStages.FindRegistration,
                $"the plugin bound its own copy of {data.AttributeType.Assembly.GetName().Name} {data.AttributeType.Assembly.GetName().Version}; remove it from the plugin folder (build with build/ToolPack.props)");
        }

        if (data.ConstructorArguments is not [{ Value: Type type }] || !typeof(IToolPack).IsAssignableFrom(type) || type.IsAbstract)
        {
            throw new PluginLoadException(PluginLoadStages.FindRegistration, $"[ToolPack] must name a concrete {nameof(IToolPack)} implementation");
        }

        return type;
    }

    // The host's copies of shared dependencies are the ones that run, so the pack's are not copied.
    private static void CopyFolder(string source, string destination, IReadOnlySet<string> fromHost)
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(source, file);
                if (relative == Path.GetFileName(relative) && relative.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && fromHost.Contains(Path.GetFileNameWithoutExtension(relative)))
                {
                    continue;
                }

                var target = Path.Combine(destination, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PluginLoadException(PluginLoadStages.ShadowCopy, $"could not copy the plugin folder: {ex.Message}");
        }
    }
}
