using System.Collections.Concurrent;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using AwsMcp.Abstractions;

namespace AwsMcp.Aws.Configuration;

/// <summary>
/// Region, endpoint and credential resolution with the AWS SDK's own rules, layered under this server's settings:
/// explicit setting first (Aws:Region, Aws:ServiceUrl, Aws:Profile), then what the SDK would use
/// (AWS_REGION / profile region; AWS_ENDPOINT_URL_&lt;SERVICE&gt; / AWS_ENDPOINT_URL / profile endpoints; the default
/// credential chain). AWS_DEFAULT_REGION is not read, as the .NET SDK does not read it. What comes from the
/// environment and profile files is read once per instance, as the SDK itself reads it once per process.
/// </summary>
public sealed class AwsEnvironment
{
    private readonly AwsAccessOptions _options;
    private readonly ConcurrentDictionary<string, Uri?> _endpointOverrides = new(StringComparer.Ordinal);
    private readonly Lazy<string?> _profileRegion;

    /// <summary>What to set when no region is found: the server's keys as an operator writes them.</summary>
    public const string NoRegion =
        "No AWS region is configured: set AWSMCP__Aws__Region (AwsMcp:Aws:Region) or AWS_REGION, give the AWS profile a region, " +
        "or pass a region to the tool. To try the server without AWS, run it with --sandbox.";

    /// <summary>What to set when the SDK's credential chain finds nothing.</summary>
    public const string NoCredentials =
        "No AWS credentials found: set AWS_PROFILE to a profile in ~/.aws/config (for IAM Identity Center run `aws sso login --profile <name>` first), " +
        "or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_ROLE_ARN with AWS_WEB_IDENTITY_TOKEN_FILE (EKS, GitHub OIDC); " +
        "AWSMCP__Aws__Profile names a profile for this server only. To try the server without AWS, run it with --sandbox.";

    public AwsEnvironment(AwsAccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _profileRegion = new Lazy<string?>(ProfileRegion);
    }

    /// <summary>The region for a call: <paramref name="requested"/>, else Aws:Region, else the SDK's region chain (no IMDS).</summary>
    public string ResolveRegion(string? requested)
    {
        if (!string.IsNullOrWhiteSpace(requested))
        {
            // A typo would otherwise become a DNS failure on lambda.<typo>.amazonaws.com.
            return AwsAccessOptions.IsRegionName(requested.Trim())
                ? requested.Trim()
                : throw new ToolArgumentException("region", $"'{requested}' is not a region name such as us-east-1.");
        }

        if (_options.Region is not null)
        {
            return _options.Region;
        }

        var region = _profileRegion.Value ?? FallbackRegionFactory.GetRegionEndpoint(includeInstanceMetadata: false)?.SystemName;
        return region ?? throw new ToolException(NoRegion);
    }

    /// <summary>The endpoint override for a service id (<c>EC2</c>, <c>S3</c>, <c>Cost Explorer</c>…), or null for AWS's default.</summary>
    public Uri? ResolveEndpointOverride(string serviceId, string signingName)
    {
        if (_options.ServiceUrl is not null)
        {
            return _options.ServiceUrl;
        }

        return _endpointOverrides.GetOrAdd(serviceId, id =>
        {
            var configured = new ConfiguredEndpointConfig(id, signingName, _options.Profile).ServiceURL;
            return string.IsNullOrEmpty(configured) ? null : new Uri(configured);
        });
    }

    /// <summary>The server's own credentials: Aws:Profile when set, else the SDK's default chain (env, web identity, profile, container, IMDS).</summary>
    public AWSCredentials ResolveBaseCredentials()
    {
        SdkRuntimeDependencies.EnsureRegistered();
        var config = new ConfiguredEndpointConfig("STS", "sts", _options.Profile);
        try
        {
            var credentials = DefaultAWSCredentialsIdentityResolver.GetCredentials(config);
            return credentials is AssumeRoleWithWebIdentityCredentials webIdentity ? new WebIdentityCredentials(webIdentity) : credentials;
        }
        catch (AmazonClientException exception)
        {
            // The SDK's message lists every provider it tried; it names variables and files, never secret values.
            throw new ToolException($"{NoCredentials} (The AWS SDK said: {exception.Message})", exception);
        }
    }

    private string? ProfileRegion()
    {
        if (_options.Profile is null)
        {
            return null;
        }

        return new CredentialProfileStoreChain().TryGetProfile(_options.Profile, out var profile) ? profile.Region?.SystemName : null;
    }
}
