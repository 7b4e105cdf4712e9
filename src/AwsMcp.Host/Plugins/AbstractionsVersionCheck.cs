using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
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
        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                throw new BadImageFormatException("the file has no .NET metadata");
            }

            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.AssemblyReferences)
            {
                var reference = metadata.GetAssemblyReference(handle);
                if (metadata.StringComparer.Equals(reference.Name, HostAbstractions.Name!))
                {
                    return reference.Version;
                }
            }
        }
        catch (BadImageFormatException ex)
        {
            throw new PluginLoadException(
                PluginLoadStages.CheckAbstractionsVersion,
                $"not a valid .NET assembly (corrupt, truncated or native): {ex.Message}");
        }

        throw new PluginLoadException(
            PluginLoadStages.CheckAbstractionsVersion,
            $"does not reference {HostAbstractions.Name}; not a tool pack");
    }
}
