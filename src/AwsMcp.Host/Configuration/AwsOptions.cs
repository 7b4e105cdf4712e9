using System.Text.RegularExpressions;

namespace AwsMcp.Host.Configuration;

/// <summary>AWS defaults (<c>AwsMcp:Aws</c>). The whole section is also handed to plugins as <c>Aws:*</c> settings.</summary>
public sealed partial class AwsOptions : IValidatableOptions
{
    public static string Section => ConfigurationSections.Aws;

    /// <summary>The region used when a call names none; falls back to <c>AWS_REGION</c>.</summary>
    public string? Region { get; set; }

    public IEnumerable<string> Validate()
    {
        if (Region is not null && !RegionPattern().IsMatch(Region))
        {
            yield return $"Region '{Region}' is not an AWS region name (e.g. eu-west-1).";
        }
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    internal static partial Regex RegionPattern();
}
