namespace AwsMcp.Sandbox.Services.Ec2;

/// <summary>The commercial AWS regions with the seeded account's opt-in status, and their availability zones.</summary>
internal static class Ec2Regions
{
    public const string OptInNotRequired = "opt-in-not-required";
    public const string OptedIn = "opted-in";
    public const string NotOptedIn = "not-opted-in";

    /// <summary>Every commercial region; the account has opted in to one opt-in region so that all three statuses appear.</summary>
    public static IReadOnlyList<(string Name, string OptInStatus)> All { get; } =
    [
        ("us-east-1", OptInNotRequired), ("us-east-2", OptInNotRequired), ("us-west-1", OptInNotRequired), ("us-west-2", OptInNotRequired),
        ("ca-central-1", OptInNotRequired), ("ca-west-1", NotOptedIn), ("mx-central-1", NotOptedIn), ("sa-east-1", OptInNotRequired),
        ("eu-west-1", OptInNotRequired), ("eu-west-2", OptInNotRequired), ("eu-west-3", OptInNotRequired), ("eu-central-1", OptInNotRequired),
        ("eu-central-2", NotOptedIn), ("eu-north-1", OptInNotRequired), ("eu-south-1", NotOptedIn), ("eu-south-2", NotOptedIn),
        ("ap-south-1", OptInNotRequired), ("ap-south-2", NotOptedIn), ("ap-northeast-1", OptInNotRequired), ("ap-northeast-2", OptInNotRequired),
        ("ap-northeast-3", OptInNotRequired), ("ap-southeast-1", OptInNotRequired), ("ap-southeast-2", OptInNotRequired),
        ("ap-southeast-3", NotOptedIn), ("ap-southeast-4", OptedIn), ("ap-southeast-5", NotOptedIn), ("ap-southeast-7", NotOptedIn),
        ("ap-east-1", NotOptedIn), ("ap-east-2", NotOptedIn), ("me-south-1", NotOptedIn), ("me-central-1", NotOptedIn),
        ("il-central-1", NotOptedIn), ("af-south-1", NotOptedIn),
    ];

    /// <summary>Three zones per region, <c>{region}a</c> to <c>{region}c</c>.</summary>
    public static IReadOnlyList<string> AvailabilityZones(string region) => [region + "a", region + "b", region + "c"];

    /// <summary>The zone id AWS pairs with a zone name: <c>us-east-1a</c> → <c>use1-az1</c>, <c>ap-southeast-2b</c> → <c>apse2-az2</c>.</summary>
    public static string ZoneId(string zoneName)
    {
        var parts = zoneName[..^1].Split('-');
        var direction = parts[1].Replace("north", "n", StringComparison.Ordinal).Replace("south", "s", StringComparison.Ordinal)
            .Replace("east", "e", StringComparison.Ordinal).Replace("west", "w", StringComparison.Ordinal)
            .Replace("central", "c", StringComparison.Ordinal);
        return $"{parts[0]}{direction}{parts[2]}-az{zoneName[^1] - 'a' + 1}";
    }
}
