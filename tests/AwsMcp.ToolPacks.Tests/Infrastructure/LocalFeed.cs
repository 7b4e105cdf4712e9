using System.Reflection;
using AwsMcp.Abstractions;

namespace AwsMcp.ToolPacks.Tests.Infrastructure;

/// <summary>
/// The local package feed an ops team builds from: AwsMcp.Abstractions, AwsMcp.Aws, AwsMcp.Sandbox and AwsMcp.Templates
/// packed into artifacts/packages (as build/pack.sh does), once per test run.
/// </summary>
internal sealed class LocalFeed
{
    private static readonly string[] PackedProjects = ["src/AwsMcp.Abstractions", "src/AwsMcp.Aws", "src/AwsMcp.Sandbox", "templates/AwsMcp.Templates"];

    private static readonly Dictionary<string, string> Metadata = typeof(LocalFeed).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .ToDictionary(a => a.Key, a => a.Value ?? "");

    private static readonly Lazy<Task<LocalFeed>> Packed = new(PackAsync);

    private LocalFeed()
    {
    }

    public static string RepoRoot => System.IO.Path.GetFullPath(Metadata["RepoRoot"]);

    /// <summary>The feed folder (artifacts/packages).</summary>
    public string Path { get; } = System.IO.Path.Combine(RepoRoot, "artifacts", "packages");

    /// <summary>The version the packages were packed with (the informational version without its commit suffix).</summary>
    public string Version { get; } = typeof(IToolPack).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

    /// <summary>
    /// NUGET_PACKAGES for builds from this feed: a folder of our own, because the machine-wide cache would keep serving
    /// an older AwsMcp.* package of the same version.
    /// </summary>
    public IReadOnlyDictionary<string, string?> RestoreEnvironment { get; } = new Dictionary<string, string?>
    {
        ["NUGET_PACKAGES"] = System.IO.Path.Combine(RepoRoot, "artifacts", "toolpack-tests", "nuget-packages"),
    };

    public static Task<LocalFeed> GetAsync() => Packed.Value;

    private static async Task<LocalFeed> PackAsync()
    {
        var feed = new LocalFeed();

        // The solution build compiled these already (this project references them): pack without rebuilding assemblies
        // that other test processes may have loaded.
        foreach (var project in PackedProjects)
        {
            await DotnetCli.RunAsync(RepoRoot, DotnetCli.NoEnvironment, "pack", project, "-c", Metadata["BuildConfiguration"], "--no-build", "-o", feed.Path);
        }

        var packages = feed.RestoreEnvironment["NUGET_PACKAGES"]!;
        foreach (var stale in Directory.Exists(packages) ? Directory.EnumerateDirectories(packages, "awsmcp.*") : [])
        {
            Directory.Delete(stale, recursive: true);
        }

        return feed;
    }
}
