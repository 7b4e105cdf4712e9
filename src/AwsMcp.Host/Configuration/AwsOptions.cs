using System.Text.RegularExpressions;

namespace AwsMcp.Host.Configuration;

/// <summary>AWS defaults (<c>AwsMcp:Aws</c>). The whole section is also handed to plugins as <c>Aws:*</c> settings.</summary>
public sealed partial class AwsOptions : IValidatableOptions
{
    public static string Section => ConfigurationSections.Aws;

    /// <summary>The region used when a call names none; falls back to <c>AWS_REGION</c>.</summary>
    public string? Region { get; set; }

    /// <summary>
    /// Named accounts (<c>AwsMcp:Aws:Accounts:&lt;name&gt;:RoleArn</c>, <c>…:Region</c>, …). The host reads only their
    /// region, the default for calls that name the account but no region; the plugins assume their roles.
    /// </summary>
    public Dictionary<string, AwsAccountDefaults> Accounts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The region a call acts in when it asks for none: the account's configured region, else <see cref="Region"/>,
    /// else <c>AWS_REGION</c>; null when none is set.
    /// </summary>
    public string? DefaultRegion(string? account) =>
        (account is not null && Accounts.TryGetValue(account, out var configured) ? configured.Region : null)
        ?? Region
        ?? (Environment.GetEnvironmentVariable("AWS_REGION") is { Length: > 0 } environment ? environment : null);

    public IEnumerable<string> Validate()
    {
        if (Region is not null && !RegionPattern().IsMatch(Region))
        {
            yield return $"Region '{Region}' is not an AWS region name (e.g. eu-west-1).";
        }

        foreach (var (name, account) in Accounts.Where(a => a.Value.Region is { } region && !RegionPattern().IsMatch(region)))
        {
            yield return $"Accounts:{name}:Region '{account.Region}' is not an AWS region name (e.g. eu-west-1).";
        }
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    internal static partial Regex RegionPattern();
}

/// <summary>What the host reads of a named account: its default region.</summary>
public sealed class AwsAccountDefaults
{
    public string? Region { get; set; }
}
