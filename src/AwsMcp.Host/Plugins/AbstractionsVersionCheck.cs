using AwsMcp.Abstractions;

namespace AwsMcp.Host.Plugins;

/// <summary>
/// Reads which AwsMcp.Abstractions a plugin was compiled against from its metadata, without loading or running any
/// of its code, and refuses another major version or a newer minor (the plugin could call members this host lacks).
/// </summary>
public static class AbstractionsVersionCheck
{
    private static readonly System.Reflection.AssemblyName HostAbstractions = typeof(IToolPack).Assembly.GetName();

    /// <summary>The Abstractions version this host provides.</summary>
    public static Version HostVersion => HostAbstractions.Version!;

    /// <summary>Returns the plugin's referenced Abstractions version, or throws <see cref="PluginLoadException"/>.</summary>
    public static Version Check(string assemblyPath)
    {
        var referenced = ReadReferencedVersion(assemblyPath);
        if (referenced.Major != HostVersion.Major || referenced.Minor > HostVersion.Minor)
        {
            throw new PluginLoadException(
                PluginLoadStages.CheckAbstractionsVersion,
                $"built against {HostAbstractions.Name} {referenced} but this host provides {HostVersion}; " +
                $"rebuild the plugin against {HostAbstractions.Name} {HostVersion.Major}.x (at most {HostVersion.Major}.{HostVersion.Minor}) or upgrade the host");
        }

        return referenced;
    }

    private static Version ReadReferencedVersion(string assemblyPath)
    {
        AssemblyMetadata? metadata;
        try
        {
            metadata = AssemblyMetadata.Read(assemblyPath);
        }
        catch (BadImageFormatException ex)
        {
            throw new PluginLoadException(
                PluginLoadStages.CheckAbstractionsVersion,
                $"not a valid .NET assembly (corrupt, truncated or native): {ex.Message}");
        }

        if (metadata is null)
        {
            throw new PluginLoadException(
                PluginLoadStages.CheckAbstractionsVersion,
                "not a valid .NET assembly (corrupt, truncated or native): the file has no .NET assembly metadata");
        }

        return metadata.References.FirstOrDefault(r => r.Name == HostAbstractions.Name).Version
            ?? throw new PluginLoadException(
                PluginLoadStages.CheckAbstractionsVersion,
                $"does not reference {HostAbstractions.Name}; not a tool pack");
    }
}
