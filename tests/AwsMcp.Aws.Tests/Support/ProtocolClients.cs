using Amazon.Runtime;
using AwsMcp.Aws.Protocol;

namespace AwsMcp.Aws.Tests.Support;

internal static class ProtocolClients
{
    /// <summary>A client over <paramref name="handler"/> with a manual clock (instant backoff) and fixed time.</summary>
    public static AwsProtocolClient Create(
        AwsServiceModel model,
        StubHandler handler,
        int maxErrorRetry = 3,
        AWSCredentials? credentials = null,
        string region = "eu-west-1",
        InstantBackoffTimeProvider? time = null,
        TimeSpan? timeout = null) =>
        new(model, credentials ?? TestCredentials.Basic, new AwsProtocolClientOptions
        {
            Region = region,
            MaxErrorRetry = maxErrorRetry,
            Handler = handler,
            UserAgent = "awsmcp-tests",
            TimeProvider = time ?? new InstantBackoffTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)),
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        });
}
