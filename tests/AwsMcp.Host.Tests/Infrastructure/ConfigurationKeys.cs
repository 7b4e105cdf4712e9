using System.Reflection;
using AwsMcp.Host.Configuration;

namespace AwsMcp.Host.Tests.Infrastructure;

/// <summary>
/// Whether a configuration key (<c>AwsMcp:Tools:WritesEnabled</c>, as <c>AWSMCP__Tools__WritesEnabled</c> or as a
/// JSON path) is one the server reads: a property of its options classes, or a key read directly. What docs and
/// deployment manifests name is checked with it, so that a misspelt setting fails a test instead of being ignored.
/// </summary>
internal static class ConfigurationKeys
{
    /// <summary>An environment variable name that configures the server.</summary>
    public const string VariablePrefix = "AWSMCP__";

    /// <summary>True when <paramref name="variable"/> (<c>AWSMCP__Security__ApiKeys__0__Hash</c>) names a setting the server has.</summary>
    public static bool VariableExists(string variable) =>
        variable.StartsWith(VariablePrefix, StringComparison.Ordinal) && Exists(variable[VariablePrefix.Length..].Split("__"));

    /// <summary>True when the path under <c>AwsMcp</c> (<c>["Tools", "WritesEnabled"]</c>; list indexes as numbers) is a setting.</summary>
    public static bool Exists(IReadOnlyList<string> path)
    {
        if (path.Count < 2)
        {
            return false;
        }

        // Read directly, without an options class (AwsMcp:Logging:Json, AwsMcp:Plugins:TrustedHashes).
        var key = $"{{ConfigurationSections.{path[0]}}}:{path[1]}\"";
        if (Directory.GetFiles(Path.Combine(TestBuild.RepoRoot, "src", "AwsMcp.Host"), "*.cs", SearchOption.AllDirectories)
            .Any(file => File.ReadAllText(file).Contains(key, StringComparison.Ordinal)))
        {
            return true;
        }

        var section = $"AwsMcp:{path[0]}";

        // AwsMcp:Aws is the host's (regions, accounts) and every pack's (profile, endpoint, retries) at once.
        var type = section == ConfigurationSections.Aws && typeof(AwsMcp.Aws.Configuration.AwsAccessOptions).GetProperty(path[1]) is not null
            ? typeof(AwsMcp.Aws.Configuration.AwsAccessOptions)
            : typeof(HttpOptions).Assembly.GetTypes().FirstOrDefault(t => !t.IsInterface &&
                t.GetProperty("Section", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string == section);
        foreach (var part in path.Skip(1))
        {
            if (type is null)
            {
                return false;
            }

            if (ElementType(type, part) is { } element)
            {
                type = element;
                continue;
            }

            type = type.GetProperty(part, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
        }

        return type is not null;
    }

    // A list's element for an index; a dictionary's value for any key (AwsMcp:Policy:Scopes:<scope>).
    private static Type? ElementType(Type type, string part) =>
        !type.IsGenericType ? null
        : type.GetGenericTypeDefinition() == typeof(List<>) && int.TryParse(part, out _) ? type.GetGenericArguments()[0]
        : type.GetGenericTypeDefinition() == typeof(Dictionary<,>) ? type.GetGenericArguments()[1]
        : null;
}
