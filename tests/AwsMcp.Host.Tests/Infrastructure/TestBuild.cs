using System.Reflection;

namespace AwsMcp.Host.Tests.Infrastructure;

/// <summary>Where the solution put the real build outputs the tests use (recorded at build time).</summary>
internal static class TestBuild
{
    private static readonly Dictionary<string, string> Metadata = typeof(TestBuild).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .ToDictionary(a => a.Key, a => a.Value ?? "");

    public static string HostAssembly => Path.GetFullPath(Metadata["HostAssembly"]);

    /// <summary>The repository checkout the tests were built from.</summary>
    public static string RepoRoot => Path.GetFullPath(Metadata["RepoRoot"]);

    /// <summary>The build output folder of a test plugin project, e.g. <c>EchoPack</c>.</summary>
    public static string PluginOutput(string project) =>
        Path.GetFullPath(Path.Combine(Metadata["TestPluginsRoot"], project, "bin", Metadata["BuildConfiguration"], "net10.0"));
}
