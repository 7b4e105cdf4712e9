using System.Reflection;

namespace AwsMcp.Bench.Infrastructure;

/// <summary>Where the repository and the build outputs the benchmarks use are (recorded at build time).</summary>
internal static class BenchPaths
{
    private static readonly Dictionary<string, string> Metadata = typeof(BenchPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .ToDictionary(a => a.Key, a => a.Value ?? "");

    public static string RepoRoot => Path.GetFullPath(Metadata["RepoRoot"]);

    public static string Configuration => Metadata["BuildConfiguration"];

    /// <summary>The host as operators run it: <c>dotnet awsmcp.dll serve</c>.</summary>
    public static string HostAssembly => Path.Combine(RepoRoot, "src", "AwsMcp.Host", "bin", Configuration, "net10.0", "awsmcp.dll");

    /// <summary>The Echo test plugin's build output (a tool pack that does no AWS work).</summary>
    public static string EchoPluginOutput => Path.Combine(RepoRoot, "tests", "Plugins", "EchoPack", "bin", Configuration, "net10.0");

    /// <summary>The four real tool packs: project folder under plugins/ and assembly (= plugin folder) name.</summary>
    public static IReadOnlyList<(string Output, string Name)> RealToolPacks { get; } =
        [.. new[] { "Compute", "Storage", "Billing", "Iam" }.Select(pack =>
            (Path.Combine(RepoRoot, "plugins", pack, "bin", Configuration, "net10.0"), $"AwsMcp.{pack}"))];

    /// <summary>The real tool packs that were built (a pack that does not build is left out of the figures).</summary>
    public static IReadOnlyList<(string Output, string Name)> BuiltToolPacks =>
        [.. RealToolPacks.Where(pack => File.Exists(Path.Combine(pack.Output, pack.Name + ".dll")))];

    /// <summary>A scratch folder under artifacts/ (ignored by git) that survives between runs, for generated plugins.</summary>
    public static string Scratch(string name) => Path.Combine(RepoRoot, "artifacts", "bench", name);
}
