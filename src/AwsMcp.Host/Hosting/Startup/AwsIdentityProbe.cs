using Amazon.Runtime;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Tools;
using AwsMcp.Host.Plugins;

namespace AwsMcp.Host.Hosting.Startup;

/// <summary>Who the server is in AWS, or what is missing, found the way the tool packs find it (the same settings and SDK chain).</summary>
/// <param name="Region">The default region, when one resolves.</param>
/// <param name="Arn">The caller ARN from STS GetCallerIdentity, when the credentials work.</param>
/// <param name="Account">Its account.</param>
/// <param name="Problem">What is wrong and what to set; null when all is well.</param>
public sealed record AwsIdentity(string? Region, string? Arn, string? Account, string? Problem);

/// <summary>Resolves region and credentials and asks STS who they are, within a bounded time; never throws for AWS trouble.</summary>
public static class AwsIdentityProbe
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    public static async Task<AwsIdentity> ProbeAsync(IConfiguration configuration, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        using var factory = new AwsClientFactory(new ToolPackContext("AwsMcp.Host", PluginSettings.For(configuration, "AwsMcp.Host"), loggerFactory));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Limit);
        string? region = null;
        try
        {
            region = factory.Environment.ResolveRegion(null);
            var (resolved, identity) = await factory.CallerIdentityAsync(timeout.Token);
            return new AwsIdentity(resolved, identity.Arn, identity.Account, null);
        }
        catch (ToolException ex)
        {
            return new AwsIdentity(region, null, null, ex.Message);
        }
        catch (AmazonServiceException ex)
        {
            return new AwsIdentity(region, null, null,
                $"AWS refused the server's credentials ({ex.ErrorCode}: {ex.Message}). Renew them (e.g. `aws sso login`) or set AWS_PROFILE / AWS_ACCESS_KEY_ID to working ones.");
        }
        catch (Exception ex) when (ex is AmazonClientException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var said = AwsErrorMessages.Unreachable(new AwsCallTarget("sts", "GetCallerIdentity", region ?? "the default region", null), ex);
            return new AwsIdentity(region, null, null, $"{said} Check the network, proxy (HTTPS_PROXY) or AWS_ENDPOINT_URL.");
        }
    }
}
