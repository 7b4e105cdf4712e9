using AwsMcp.Host.Configuration;

namespace AwsMcp.Host.Plugins.Install;

/// <summary>
/// The optional allow-list <c>AwsMcp:Plugins:TrustedHashes</c>: SHA-256 hashes (hex) of the tool packs this server
/// may install. Empty means every valid tool pack is accepted; once set, anything else is refused.
/// </summary>
public sealed class TrustedPackages
{
    public const string ConfigurationKey = $"{ConfigurationSections.Plugins}:TrustedHashes";

    private readonly HashSet<string> _hashes;

    public TrustedPackages(IEnumerable<string> hashes) =>
        _hashes = hashes.Select(Normalize).Where(h => h.Length > 0).ToHashSet(StringComparer.Ordinal);

    public static TrustedPackages From(IConfiguration configuration) =>
        new(configuration.GetSection(ConfigurationKey).Get<string[]>() ?? []);

    public bool IsRestricted => _hashes.Count > 0;

    public void Demand(ToolPackSource source)
    {
        if (IsRestricted && !_hashes.Contains(source.Sha256))
        {
            throw new ToolPackInstallException(
                $"{source.Id} {source.Version} (sha256 {source.Sha256}) is not in {ConfigurationKey}; add its hash to trust it");
        }
    }

    /// <summary>Accepts "ABC…", "abc…" and "sha256:abc…".</summary>
    private static string Normalize(string hash)
    {
        var value = hash.Trim();
        if (value.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase))
        {
            value = value["sha256:".Length..];
        }

        return value.ToLowerInvariant();
    }
}
