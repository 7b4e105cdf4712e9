using Amazon.Runtime;
using AwsMcp.Aws.Protocol;
using AwsMcp.Sandbox.Tests.Support;

namespace AwsMcp.Sandbox.Tests.ServiceEmulators;

/// <summary>The product's SigV4 protocol client pointed at a sandbox, retries off unless a test is about retries.</summary>
public static class ThinClients
{
    public static AwsProtocolClient For(SandboxServer server, AwsServiceModel service, string region = "us-east-1", AWSCredentials? credentials = null, int maxErrorRetry = 0) =>
        new(service, credentials ?? SandboxClients.Operator, new AwsProtocolClientOptions
        {
            Region = region,
            ServiceUrl = server.Endpoint.ToString(),
            MaxErrorRetry = maxErrorRetry,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        });
}
