namespace AwsMcp.Host.Configuration;

/// <summary>
/// How a fan-out call (<c>regions</c>, <c>accounts</c> of a tool declared with <c>[AwsTarget(FanOut = true)]</c>)
/// is bounded (<c>AwsMcp:FanOut</c>); see <c>ToolCalls/FanOut/</c>.
/// </summary>
public sealed class FanOutOptions : IValidatableOptions
{
    public static string Section => ConfigurationSections.FanOut;

    /// <summary>The commercial regions every account has without opting in: the fleet unless <see cref="Regions"/> says otherwise.</summary>
    public static IReadOnlyList<string> DefaultRegions { get; } =
    [
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "sa-east-1",
        "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1",
        "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2",
    ];

    /// <summary>
    /// The fleet: what <c>regions: ["all"]</c> means (then only those the policy allows); empty means
    /// <see cref="DefaultRegions"/>. (A configured list replaces the default rather than adding to it.)
    /// </summary>
    public List<string> Regions { get; set; } = [];

    /// <summary>The regions <c>["all"]</c> names before policy.</summary>
    public IReadOnlyList<string> Fleet => Regions.Count > 0 ? Regions : DefaultRegions;

    /// <summary>The blast radius: how many targets (regions × accounts) one call may name; more is refused before any is asked.</summary>
    public int MaxTargets { get; set; } = 50;

    /// <summary>How many targets of one call are asked at the same time.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>How long one target may take; then it is reported as timed out and the others are answered.</summary>
    public int TargetTimeoutSeconds { get; set; } = 30;

    public IEnumerable<string> Validate()
    {
        foreach (var region in Regions.Where(r => !AwsOptions.RegionPattern().IsMatch(r)))
        {
            yield return $"Regions: '{region}' is not an AWS region name (e.g. eu-west-1).";
        }

        if (Regions.Distinct(StringComparer.Ordinal).Count() != Regions.Count)
        {
            yield return "Regions lists a region twice.";
        }

        if (MaxTargets is < 1 or > 1000)
        {
            yield return $"MaxTargets must be between 1 and 1000 (was {MaxTargets}).";
        }

        if (MaxConcurrency is < 1 or > 64)
        {
            yield return $"MaxConcurrency must be between 1 and 64 (was {MaxConcurrency}).";
        }

        if (TargetTimeoutSeconds is < 1 or > 600)
        {
            yield return $"TargetTimeoutSeconds must be between 1 and 600 (was {TargetTimeoutSeconds}).";
        }
    }
}
