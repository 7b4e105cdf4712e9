using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using AwsMcp.Host.Plugins;

namespace AwsMcp.Host.Tests;

/// <summary>
/// The loader's own metadata reader against System.Reflection.Metadata, on every assembly of the host and of the
/// shared framework (several hundred files, C# and IL-linked, ReadyToRun or not), and on broken files.
/// </summary>
public sealed class AssemblyMetadataTests
{
    public static TheoryData<string> Folders => new()
    {
        AppContext.BaseDirectory,
        Path.GetDirectoryName(typeof(object).Assembly.Location)!,
        Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Builder.WebApplication).Assembly.Location)!,
    };

    [Theory]
    [MemberData(nameof(Folders))]
    public void Reads_the_name_module_version_id_and_references_that_System_Reflection_Metadata_reads(string folder)
    {
        var compared = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*.dll"))
        {
            var expected = Expected(path);
            var actual = AssemblyMetadata.Read(path);
            if (expected is null)
            {
                Assert.Null(actual);
                continue;
            }

            Assert.NotNull(actual);
            Assert.Equal(expected.Value.Name, actual.Name);
            Assert.Equal(expected.Value.Mvid, actual.ModuleVersionId);
            Assert.Equal(expected.Value.References, actual.References.Select(r => (r.Name, r.Version)));
            compared++;
        }

        Assert.True(compared > 20, $"only {compared} assemblies in {folder}");
    }

    [Fact]
    public void A_native_library_is_not_an_assembly()
    {
        var native = Directory.EnumerateFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.so").First();

        Assert.Throws<BadImageFormatException>(() => AssemblyMetadata.Read(native));
    }

    [Fact]
    public void A_truncated_or_scrambled_assembly_is_a_bad_image_and_nothing_else()
    {
        var bytes = File.ReadAllBytes(typeof(AssemblyMetadata).Assembly.Location);
        var path = Path.Combine(Path.GetTempPath(), $"awsmcp-metadata-{Guid.NewGuid():N}.dll");
        var random = new Random(7);
        try
        {
            for (var attempt = 0; attempt < 300; attempt++)
            {
                var broken = attempt < 150 ? bytes[..random.Next(bytes.Length)] : Scrambled(bytes, random);
                File.WriteAllBytes(path, broken);
                try
                {
                    AssemblyMetadata.Read(path);
                }
                catch (BadImageFormatException)
                {
                }
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Scrambled(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        for (var i = 0; i < 32; i++)
        {
            // The headers and the metadata root are near the start: scramble there most.
            copy[random.Next(Math.Min(copy.Length, 1 << random.Next(9, 20)))] = (byte)random.Next(256);
        }

        return copy;
    }

    private static (string Name, Guid Mvid, (string, Version)[] References)? Expected(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            return null;
        }

        var reader = pe.GetMetadataReader();
        if (!reader.IsAssembly)
        {
            return null;
        }

        return (
            reader.GetString(reader.GetAssemblyDefinition().Name),
            reader.GetGuid(reader.GetModuleDefinition().Mvid),
            [.. reader.AssemblyReferences.Select(h => reader.GetAssemblyReference(h)).Select(r => (reader.GetString(r.Name), r.Version))]);
    }
}
