using System.Buffers.Binary;
using System.Text;
using AwsMcp.Host.Cli;
using AwsMcp.Host.Tests.Infrastructure;

namespace AwsMcp.Host.Tests.Hardening;

/// <summary>
/// A damaged or forged package is refused by <c>plugins install</c> with its documented exit code and a reason, and
/// nothing of it is installed: a nuspec that does not decompress, an entry that holds more or fewer bytes than it declares.
/// </summary>
public sealed class DamagedPackageTests : IDisposable
{
    private readonly PluginFolder _plugins = new();
    private readonly ScratchFolder _work = new("awsmcp-damaged-package-tests");

    [Fact]
    public async Task A_package_whose_nuspec_does_not_decompress_is_refused()
    {
        var package = ToolPackFile.FromFolder(_work.Combine("damaged.nupkg"), TestBuild.PluginOutput("EchoPack"), "Echo");
        Corrupt(package, ToolPackFile.Id + ".nuspec");

        var (exit, error) = await InstallAsync(package);

        Assert.Equal(ExitCodes.InstallRefused, exit);
        Assert.Contains("nuspec", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_plugins.FolderOf("Echo")));
    }

    [Theory]
    [InlineData(-100)]
    [InlineData(+100)]
    public async Task An_entry_that_lies_about_its_size_is_refused_not_installed_truncated(int lie)
    {
        var package = ToolPackFile.FromFolder(_work.Combine($"forged{lie}.nupkg"), TestBuild.PluginOutput("EchoPack"), "Echo");
        DeclareSize(package, "plugin/Echo/Echo.dll", lie);

        var (exit, error) = await InstallAsync(package);

        Assert.Equal(ExitCodes.InstallRefused, exit);
        Assert.Contains("Echo.dll", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_plugins.FolderOf("Echo")));
    }

    public void Dispose()
    {
        _plugins.Dispose();
        _work.Dispose();
    }

    private async Task<(int Exit, string Error)> InstallAsync(string package)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApplication.RunAsync(["plugins", "install", package, "--plugins", _plugins.Path], output, error);
        return (exit, error.ToString());
    }

    /// <summary>Overwrites the middle of an entry's compressed data, leaving the archive's directory intact.</summary>
    private static void Corrupt(string zip, string entryName)
    {
        var bytes = File.ReadAllBytes(zip);
        var local = LocalHeader(bytes, entryName);
        var dataStart = local + 30 + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(local + 26)) + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(local + 28));
        var compressed = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(local + 18));
        for (var i = dataStart + 2; i < dataStart + compressed - 2; i++)
        {
            bytes[i] = 0xFF;
        }

        File.WriteAllBytes(zip, bytes);
    }

    /// <summary>Changes the uncompressed size an entry declares (local header and central directory) by <paramref name="delta"/>.</summary>
    private static void DeclareSize(string zip, string entryName, int delta)
    {
        var bytes = File.ReadAllBytes(zip);
        var name = Encoding.UTF8.GetBytes(entryName);
        var local = LocalHeader(bytes, entryName);
        Adjust(bytes, local + 22, delta);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i)) == 0x02014b50 && bytes.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                Adjust(bytes, i + 24, delta);
            }
        }

        File.WriteAllBytes(zip, bytes);
    }

    private static void Adjust(byte[] bytes, int offset, int delta) =>
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset), (uint)(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset)) + delta));

    private static int LocalHeader(byte[] bytes, string entryName)
    {
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var i = 0; i + 30 < bytes.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i)) == 0x04034b50 && bytes.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"no local header for {entryName}");
    }
}
