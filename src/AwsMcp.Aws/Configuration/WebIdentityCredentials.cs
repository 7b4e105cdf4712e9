using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.SharedInterfaces;
using Amazon.SecurityToken;

namespace AwsMcp.Aws.Configuration;

/// <summary>
/// The SDK's web identity credentials (AWS_ROLE_ARN with AWS_WEB_IDENTITY_TOKEN_FILE, or a profile's
/// <c>web_identity_token_file</c>) with an STS client of this load context. The SDK would find AWSSDK.SecurityToken by
/// reflection, taking the first copy loaded anywhere in the process, which is often another tool pack's; and its
/// runtime-dependency registry cannot stand in, as AWSSDK.Core 4.1 asks it for the web identity client under the same
/// action as a role profile's signed one. The SDK builds these credentials from the three values alone (variables or
/// profile), so the copy loses nothing.
/// </summary>
internal sealed class WebIdentityCredentials(AssumeRoleWithWebIdentityCredentials resolved)
    : AssumeRoleWithWebIdentityCredentials(resolved.WebIdentityTokenFile, resolved.RoleArn, resolved.RoleSessionName)
{
    /// <summary>As the SDK builds it: anonymous (the token is the proof), in the configured region or us-east-1.</summary>
    protected override ICoreAmazonSTS CreateClient() =>
        new AmazonSecurityTokenServiceClient(
            new AnonymousAWSCredentials(),
            new AmazonSecurityTokenServiceConfig { RegionEndpoint = FallbackRegionFactory.GetRegionEndpoint() ?? RegionEndpoint.USEast1 });
}
