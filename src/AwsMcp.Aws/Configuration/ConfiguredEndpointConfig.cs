using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace AwsMcp.Aws.Configuration;

/// <summary>
/// A bare <see cref="ClientConfig"/> used only to ask AWSSDK.Core what it would resolve for a service id: its
/// <see cref="ClientConfig.ServiceURL"/> getter applies AWS_IGNORE_CONFIGURED_ENDPOINT_URLS, AWS_ENDPOINT_URL_&lt;ID&gt;,
/// AWS_ENDPOINT_URL and the profile's <c>services</c>/<c>endpoint_url</c> exactly as the SDK's own clients do, and
/// the default credential chain reads the same profile from it.
/// </summary>
internal sealed class ConfiguredEndpointConfig : ClientConfig
{
    private readonly string _signingName;

    public ConfiguredEndpointConfig(string serviceId, string signingName, string? profile)
        : base(new DefaultConfigurationProvider(new List<IDefaultConfiguration>
        {
            new DefaultConfiguration { Name = DefaultConfigurationMode.Standard, RetryMode = RequestRetryMode.Standard },
        }))
    {
        _signingName = signingName;
        ServiceId = serviceId;
        AuthenticationServiceName = signingName;
        if (profile is not null)
        {
            Profile = new Profile(profile);
        }
    }

    public override string ServiceVersion => "awsmcp";

    public override string UserAgent => "awsmcp";

    public override string RegionEndpointServiceName => _signingName;

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) =>
        throw new NotSupportedException("Only used to read configured endpoints, never to send requests.");
}
