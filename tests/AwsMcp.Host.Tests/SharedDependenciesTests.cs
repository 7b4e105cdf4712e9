using System.Reflection;
using Amazon.Runtime;
using Amazon.S3;
using AwsMcp.Aws.Clients;
using AwsMcp.Host.Plugins;

namespace AwsMcp.Host.Tests;

/// <summary>Which of a pack's dependencies load once, from the host (<see cref="SharedDependencies"/>).</summary>
public sealed class SharedDependenciesTests
{
    private static readonly Assembly SdkCore = typeof(AWSCredentials).Assembly;
    private static readonly Assembly SdkS3 = typeof(AmazonS3Client).Assembly;
    private static readonly Assembly AwsAccess = typeof(AwsClientFactory).Assembly;
    private static readonly Assembly CommandLine = typeof(System.CommandLine.RootCommand).Assembly;

    [Fact]
    public void Dependencies_shipped_exactly_as_the_host_has_them_load_from_the_host()
    {
        using var plugins = new PluginFolder();
        var folder = PackFolder(plugins, SdkCore, SdkS3, AwsAccess, CommandLine);

        var shared = SharedDependencies.Find(folder, "AwsMcp.Storage");

        Assert.Equal(["AWSSDK.Core", "AWSSDK.S3", "AwsMcp.Aws", "System.CommandLine"], shared.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Another_build_stays_private_and_so_does_everything_that_references_it()
    {
        using var plugins = new PluginFolder();
        var folder = PackFolder(plugins, SdkCore, SdkS3, AwsAccess, CommandLine);
        AnotherBuild(Path.Combine(folder, "AWSSDK.Core.dll"), SdkCore);

        var shared = SharedDependencies.Find(folder, "AwsMcp.Storage");

        // S3 and AwsMcp.Aws reference AWSSDK.Core: sharing them would hand the pack the host's SDK types beside its own.
        Assert.Equal(["System.CommandLine"], shared);
    }

    [Fact]
    public void The_pack_itself_and_files_that_are_not_assemblies_are_never_shared()
    {
        using var plugins = new PluginFolder();
        var folder = PackFolder(plugins, AwsAccess, SdkCore);
        File.WriteAllText(Path.Combine(folder, "native.dll"), "not a .NET assembly");

        // AwsMcp.Aws plays the pack here: the host has the very same file, yet the pack's own code is always its own.
        var shared = SharedDependencies.Find(folder, "AwsMcp.Aws");

        Assert.Equal(["AWSSDK.Core"], shared);
    }

    private static string PackFolder(PluginFolder plugins, params Assembly[] dependencies)
    {
        var folder = Directory.CreateDirectory(plugins.FolderOf("AwsMcp.Storage")).FullName;
        foreach (var dependency in dependencies)
        {
            File.Copy(dependency.Location, Path.Combine(folder, Path.GetFileName(dependency.Location)));
        }

        return folder;
    }

    // The same name and version, another build: only the module version id differs.
    private static void AnotherBuild(string path, Assembly original)
    {
        var bytes = File.ReadAllBytes(path);
        var at = bytes.AsSpan().IndexOf(original.ManifestModule.ModuleVersionId.ToByteArray());
        Assert.True(at >= 0, "the module version id was not found in the file");
        bytes[at] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
    }
}
