namespace AwsMcp.Host.Configuration;

/// <summary>Who may call what, where, and how much one call may change (<c>AwsMcp:Policy</c>); see <c>ToolPolicy</c>.</summary>
public sealed class PolicyOptions : IValidatableOptions
{
    public static string Section => ConfigurationSections.Policy;

    /// <summary>
    /// Tool sets per scope: <c>AwsMcp:Policy:Scopes:finops:0 = ce_*</c>. When any is configured, an authenticated
    /// caller sees only the tools of its scopes (none when no scope of it is mapped).
    /// </summary>
    public Dictionary<string, List<string>> Scopes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Account names (the <c>account</c> argument) calls may target; empty means any configured account.</summary>
    public List<string> AllowedAccounts { get; set; } = [];

    /// <summary>Regions calls may target (the <c>region</c> argument or the default); empty means any.</summary>
    public List<string> AllowedRegions { get; set; } = [];

    /// <summary>How many resources one call of a mutating tool may change (items of its <c>*_ids</c> arguments).</summary>
    public int MaxResourcesPerCall { get; set; } = 20;

    public IEnumerable<string> Validate()
    {
        if (MaxResourcesPerCall < 1)
        {
            yield return $"MaxResourcesPerCall must be at least 1 (was {MaxResourcesPerCall}).";
        }

        foreach (var (scope, globs) in Scopes)
        {
            if (globs.Count == 0 || globs.Any(string.IsNullOrWhiteSpace))
            {
                yield return $"Scopes:{scope} must list tool names or globs.";
            }
        }

        foreach (var region in AllowedRegions.Where(r => !AwsOptions.RegionPattern().IsMatch(r)))
        {
            yield return $"AllowedRegions: '{region}' is not an AWS region name (e.g. eu-west-1).";
        }
    }
}
