using System.Globalization;
using System.Text.RegularExpressions;
using AwsMcp.Abstractions;

namespace AwsMcp.Aws.Configuration;

/// <summary>
/// How a plugin reaches AWS, read from the host's flattened settings. Everything is optional: without settings the
/// AWS SDK's own resolution applies (AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL[_SERVICE], the default credential chain).
/// </summary>
public sealed partial record AwsAccessOptions
{
    public const int DefaultMaxErrorRetry = 3;
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultSessionDuration = TimeSpan.FromHours(1);

    // STS AssumeRole accepts 900 s to 43200 s (the role's maximum may be lower; STS then says so).
    private const int MinSessionSeconds = 900;
    private const int MaxSessionSeconds = 43200;

    /// <summary>Default region (<c>Aws:Region</c>); null to fall back to the SDK's region chain.</summary>
    public string? Region { get; init; }

    /// <summary>Shared-config profile (<c>Aws:Profile</c>) for credentials, region and configured endpoints.</summary>
    public string? Profile { get; init; }

    /// <summary>One endpoint for every service (<c>Aws:ServiceUrl</c>), e.g. the sandbox; beats AWS_ENDPOINT_URL*.</summary>
    public Uri? ServiceUrl { get; init; }

    public int MaxErrorRetry { get; init; } = DefaultMaxErrorRetry;

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Named accounts by name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, AwsAccountOptions> Accounts { get; init; } =
        new Dictionary<string, AwsAccountOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads and validates the options; every problem is reported at once in one <see cref="ToolException"/>.</summary>
    public static AwsAccessOptions FromSettings(IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<string>();
        string? Get(string key) =>
            settings.FirstOrDefault(pair => string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } value
                ? value.Trim()
                : null;

        var region = Get(AwsSettingKeys.Region);
        ValidateRegion(AwsSettingKeys.Region, region, errors);

        var options = new AwsAccessOptions
        {
            Region = region,
            Profile = Get(AwsSettingKeys.Profile),
            ServiceUrl = ParseUrl(AwsSettingKeys.ServiceUrl, Get(AwsSettingKeys.ServiceUrl), errors),
            MaxErrorRetry = ParseInt(AwsSettingKeys.MaxErrorRetry, Get(AwsSettingKeys.MaxErrorRetry), 0, 10, errors) ?? DefaultMaxErrorRetry,
            Timeout = ParseInt(AwsSettingKeys.TimeoutSeconds, Get(AwsSettingKeys.TimeoutSeconds), 1, 900, errors) is { } seconds
                ? TimeSpan.FromSeconds(seconds)
                : DefaultTimeout,
            Accounts = ReadAccounts(settings, Get, errors),
        };

        if (errors.Count > 0)
        {
            throw new ToolException("Invalid AWS configuration: " + string.Join(" ", errors));
        }

        return options;
    }

    private static Dictionary<string, AwsAccountOptions> ReadAccounts(
        IReadOnlyDictionary<string, string?> settings, Func<string, string?> get, List<string> errors)
    {
        var names = settings.Keys
            .Where(key => key.StartsWith(AwsSettingKeys.AccountsPrefix, StringComparison.OrdinalIgnoreCase))
            .Select(key => key[AwsSettingKeys.AccountsPrefix.Length..].Split(':')[0])
            .Where(name => name.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase);

        var accounts = new Dictionary<string, AwsAccountOptions>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            var prefix = AwsSettingKeys.AccountsPrefix + name + ":";
            var roleArnKey = prefix + AwsSettingKeys.AccountRoleArn;
            var roleArn = get(roleArnKey);
            if (roleArn is null)
            {
                errors.Add($"'{roleArnKey}' is required.");
            }
            else if (!RoleArnPattern().IsMatch(roleArn))
            {
                errors.Add($"'{roleArnKey}' must be an IAM role ARN (arn:<partition>:iam::<12-digit account>:role/<name>).");
            }

            var regionKey = prefix + AwsSettingKeys.AccountRegion;
            var region = get(regionKey);
            ValidateRegion(regionKey, region, errors);

            var externalIdKey = prefix + AwsSettingKeys.AccountExternalId;
            var externalId = get(externalIdKey);
            if (externalId is not null && !ExternalIdPattern().IsMatch(externalId))
            {
                errors.Add($"'{externalIdKey}' must be 2 to 1224 characters of letters, digits and +=,.@:/-.");
            }

            var durationKey = prefix + AwsSettingKeys.AccountSessionDurationSeconds;
            var duration = ParseInt(durationKey, get(durationKey), MinSessionSeconds, MaxSessionSeconds, errors);
            accounts[name] = new AwsAccountOptions(
                name,
                roleArn ?? string.Empty,
                region,
                externalId,
                duration is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultSessionDuration);
        }

        return accounts;
    }

    /// <summary>Whether <paramref name="region"/> has the shape of a region name (us-east-1, cn-north-1, us-gov-west-1…).</summary>
    public static bool IsRegionName(string region) => RegionPattern().IsMatch(region);

    private static void ValidateRegion(string key, string? region, List<string> errors)
    {
        if (region is not null && !IsRegionName(region))
        {
            errors.Add($"'{key}' = '{region}' is not a region name such as us-east-1.");
        }
    }

    private static Uri? ParseUrl(string key, string? value, List<string> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        errors.Add($"'{key}' must be an absolute http(s) URL.");
        return null;
    }

    private static int? ParseInt(string key, string? value, int min, int max, List<string> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        errors.Add($"'{key}' must be a whole number from {min} to {max}.");
        return null;
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-\\d{1,2}$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}$")]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex("^[\\w+=,.@:/-]{2,1224}$")]
    private static partial Regex ExternalIdPattern();
}
