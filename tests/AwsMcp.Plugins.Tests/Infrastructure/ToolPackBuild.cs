using System.Reflection;

namespace AwsMcp.Plugins.Tests.Infrastructure;

/// <summary>The tool packs this test project was built with and where their build outputs are (recorded by the csproj).</summary>
internal static class ToolPackBuild
{
    private const string Prefix = "ToolPack:";

    /// <summary>Plugin folder name (= assembly name, e.g. <c>AwsMcp.Compute</c>) to its build output folder.</summary>
    public static IReadOnlyDictionary<string, string> Outputs { get; } = typeof(ToolPackBuild).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Where(attribute => attribute.Key.StartsWith(Prefix, StringComparison.Ordinal))
        .ToDictionary(attribute => attribute.Key[Prefix.Length..], attribute => Path.GetFullPath(attribute.Value ?? string.Empty), StringComparer.Ordinal);

    /// <summary>Copies every recorded tool-pack build into <paramref name="plugins"/>; a recorded pack without its built DLL fails the fixture.</summary>
    public static PluginFolder CopyInto(PluginFolder plugins)
    {
        Assert.NotEmpty(Outputs);
        foreach (var (name, output) in Outputs)
        {
            var dll = Path.Combine(output, name + ".dll");
            if (!File.Exists(dll))
            {
                plugins.Dispose();
                Assert.Fail($"Tool pack {name} has no build output at {dll}; build tests/AwsMcp.Plugins.Tests (it builds every tool pack first).");
            }

            plugins.Add(output, name);
        }

        return plugins;
    }
}
