using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.RuntimeDependencies;
using Amazon.SSO;
using Amazon.SSOOIDC;

namespace AwsMcp.Aws.Configuration;

/// <summary>
/// Hands AWSSDK.Core the clients its credential provider for IAM Identity Center profiles needs (SSO, SSO OIDC). Left
/// to itself the SDK finds them by reflection, taking the first AWSSDK.SSO loaded anywhere in the process; with every
/// tool pack in its own load context that is often another pack's (or the host's) copy, whose config does not cast to
/// this pack's <c>ClientConfig</c>, and the credentials fail with "Assembly AWSSDK.SSO could not be found or loaded".
/// The registry is a static of AWSSDK.Core, so each load context's copy gets its own registration, made with the SDK
/// types it can use. (Web identity has the same problem but cannot be fixed here: <see cref="WebIdentityCredentials"/>.)
/// </summary>
internal static class SdkRuntimeDependencies
{
    static SdkRuntimeDependencies()
    {
        // The portal and OIDC calls are unsigned (a bearer token, a device code), so the SDK builds these clients anonymous too.
        var registry = GlobalRuntimeDependencyRegistry.Instance;
        registry.RegisterSSOClient(context =>
            new AmazonSSOClient(new AnonymousAWSCredentials(), Configure(new AmazonSSOConfig(), context.SSOClientContextData.Region, context.SSOClientContextData.ProxySettings)));
        registry.RegisterSSOOIDCClient(context =>
            new AmazonSSOOIDCClient(new AnonymousAWSCredentials(), Configure(new AmazonSSOOIDCConfig(), context.SSOOIDCClientContextData.Region, context.SSOOIDCClientContextData.ProxySettings)));
    }

    /// <summary>Registers once per load context (the static constructor runs on the first call).</summary>
    public static void EnsureRegistered()
    {
    }

    private static TConfig Configure<TConfig>(TConfig config, RegionEndpoint region, IWebProxy? proxy)
        where TConfig : ClientConfig
    {
        config.RegionEndpoint = region;
        if (proxy is not null)
        {
            config.SetWebProxy(proxy);
        }

        return config;
    }
}
