using System.Security.Cryptography;
using AwsMcp.Host.Plugins.Install;
using AwsMcp.Host.Tests.Infrastructure;

namespace AwsMcp.Host.Tests;

/// <summary>Validation, staging, swap and receipts of <see cref="ToolPackInstaller"/>, on hand-made packages.</summary>
public sealed class ToolPackInstallerTests : IDisposable
{
    private readonly PluginFolder _plugins = new();
    private readonly ScratchFolder _work = new("awsmcp-install-tests");

    private static string EchoBuild => TestBuild.PluginOutput("EchoPack");

    [Fact]
    public void Installs_a_tool_pack_with_a_receipt_and_replaces_it_atomically()
    {
        var first = ToolPackFile.FromFolder(Package("echo-1.nupkg"), EchoBuild, "Echo", version: "1.0.0");
        var second = ToolPackFile.FromFolder(Package("echo-2.nupkg"), EchoBuild, "Echo", version: "2.0.0");
        var installer = Installer();

        var receipt = installer.Install(first, "alice");
        Assert.Equal(("Echo", ToolPackFile.Id, "1.0.0", "alice"), (receipt.Plugin, receipt.Id, receipt.Version, receipt.InstalledBy));
        Assert.Equal(Sha256(first), receipt.Sha256);
        Assert.Equal(typeof(AwsMcp.Abstractions.ToolDescriptor).Assembly.GetName().Version!.ToString(), receipt.AbstractionsVersion);
        Assert.True(File.Exists(Path.Combine(_plugins.FolderOf("Echo"), "Echo.dll")));
        Assert.True(File.Exists(Path.Combine(_plugins.FolderOf("Echo"), "EchoHelpers.dll")));

        installer.Install(second, "bob");

        Assert.Equal("2.0.0", ToolPackInstaller.ReadReceipt(_plugins.FolderOf("Echo"))!.Version);
        Assert.Equal(["Echo"], Directory.EnumerateDirectories(_plugins.Path).Select(Path.GetFileName)); // no staging or replaced folders left
    }

    [Fact]
    public void Installs_a_plugin_folder_and_removes_it()
    {
        var folder = _work.Combine("Echo");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(EchoBuild))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var installer = Installer();
        var installed = installer.Install(folder, "alice");
        var again = FolderToolPack.Open(folder);
        var removed = installer.Remove("Echo");

        Assert.Equal(installed.Sha256, again.Sha256);
        again.Dispose();
        Assert.Equal(installed, removed);
        Assert.False(Directory.Exists(_plugins.FolderOf("Echo")));
    }

    [Fact]
    public void Refuses_a_package_that_is_not_a_tool_pack()
    {
        var package = ToolPackFile.FromFolder(Package("lib.nupkg"), EchoBuild, "Echo", packageType: "Dependency");

        var error = Assert.Throws<ToolPackInstallException>(() => Installer().Install(package, "alice"));

        Assert.Contains("is not a tool pack", error.Message);
        AssertNothingInstalled();
    }

    [Theory]
    [InlineData("plugin/Echo/../../escaped.dll")]
    [InlineData("plugin/Echo/..%2F..%2Fescaped.dll")]
    [InlineData("plugin/Echo/sub/../../../escaped.dll")]
    [InlineData("plugin/Echo//etc/escaped.dll")]
    [InlineData("plugin/Echo/C:/escaped.dll")]
    public void Refuses_entries_that_escape_the_plugin_folder(string entryName)
    {
        var files = Directory.EnumerateFiles(EchoBuild).Select(f => ($"plugin/Echo/{Path.GetFileName(f)}", File.ReadAllBytes(f)))
            .Append((entryName, "evil"u8.ToArray()));
        var package = ToolPackFile.Write(Package("slip.nupkg"), ToolPackFile.Nuspec(ToolPackFile.Id, "1.0.0", "AwsMcpToolPack"), files);

        var error = Assert.Throws<ToolPackInstallException>(() => Installer().Install(package, "alice"));

        Assert.Contains("unsafe path", error.Message);
        AssertNothingInstalled();
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(_plugins.Path)!, "escaped.dll", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("plugin/Echo/Other.dll", "has no plugin/Echo/Echo.dll")]
    [InlineData("plugin/Echo.dll", "exactly one folder")]
    [InlineData("lib/net10.0/Echo.dll", "exactly one folder")]
    [InlineData("plugin/.hidden/.hidden.dll", "not a valid plugin name")]
    [InlineData("plugin/Echo/.toolpack-receipt.json", "which only the installer writes")]
    public void Refuses_packages_without_the_plugin_layout(string entryName, string reason)
    {
        var entries = new List<(string, byte[])> { (entryName, File.ReadAllBytes(Path.Combine(EchoBuild, "Echo.dll"))) };
        if (entryName.EndsWith(".json", StringComparison.Ordinal))
        {
            entries.Add(("plugin/Echo/Echo.dll", File.ReadAllBytes(Path.Combine(EchoBuild, "Echo.dll"))));
        }

        var package = ToolPackFile.Write(Package("layout.nupkg"), ToolPackFile.Nuspec(ToolPackFile.Id, "1.0.0", "AwsMcpToolPack"), entries);

        var error = Assert.Throws<ToolPackInstallException>(() => Installer().Install(package, "alice"));

        Assert.Contains(reason, error.Message);
        AssertNothingInstalled();
    }

    [Fact]
    public void Refuses_a_plugin_built_against_another_major_version_of_the_abstractions_without_loading_it()
    {
        var build = _work.Combine("future");
        FutureAbiPlugin.WriteTo(build, "Future");
        var package = ToolPackFile.FromFolder(Package("future.nupkg"), build, "Future");

        var error = Assert.Throws<ToolPackInstallException>(() => Installer().Install(package, "alice"));

        Assert.Contains("built against AwsMcp.Abstractions 3.0.0.0", error.Message);
        AssertNothingInstalled();
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "Future");
    }

    [Fact]
    public void With_an_allow_list_only_trusted_hashes_install()
    {
        var package = ToolPackFile.FromFolder(Package("echo.nupkg"), EchoBuild, "Echo");

        var refused = Assert.Throws<ToolPackInstallException>(() => Installer(Sha256("other")).Install(package, "alice"));
        Assert.Contains("is not in AwsMcp:Plugins:TrustedHashes", refused.Message);
        AssertNothingInstalled();

        Installer("sha256:" + Sha256(package).ToUpperInvariant()).Install(package, "alice");
        Assert.True(Directory.Exists(_plugins.FolderOf("Echo")));
    }

    [Fact]
    public void Refuses_to_remove_what_is_not_a_plugin_folder_name()
    {
        Assert.Throws<ToolPackInstallException>(() => Installer().Remove("../shadow"));
        Assert.Throws<ToolPackInstallException>(() => Installer().Remove("Missing"));
        Assert.True(Directory.Exists(_plugins.ShadowPath));
    }

    private ToolPackInstaller Installer(params string[] trusted) => new(_plugins.Path, new TrustedPackages(trusted));

    private string Package(string fileName) => _work.Combine(fileName);

    /// <summary>Only the install lock file: no plugin, staging or replaced folder.</summary>
    private void AssertNothingInstalled() => Assert.All(Directory.EnumerateFileSystemEntries(_plugins.Path), e => Assert.Equal(".install.lock", Path.GetFileName(e)));

    private static string Sha256(string fileOrText) => Convert.ToHexStringLower(
        File.Exists(fileOrText) ? SHA256.HashData(File.ReadAllBytes(fileOrText)) : SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(fileOrText)));

    public void Dispose()
    {
        _plugins.Dispose();
        _work.Dispose();
    }
}
