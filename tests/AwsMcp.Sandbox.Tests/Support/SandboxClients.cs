using Amazon.EC2;
using Amazon.Runtime;
using Amazon.S3;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Tests.Support;

/// <summary>Real AWS SDK clients pointed at a sandbox, with retries off unless a test is about retries.</summary>
public static class SandboxClients
{
    public static AWSCredentials Operator { get; } =
        new BasicAWSCredentials(SandboxIdentities.OperatorAccessKeyId, SandboxIdentities.OperatorSecretAccessKey);

    public static AmazonEC2Client Ec2(SandboxServer server, string region = "us-east-1", AWSCredentials? credentials = null, int maxErrorRetry = 0) =>
        new(credentials ?? Operator, new AmazonEC2Config
        {
            ServiceURL = server.Endpoint.ToString(),
            AuthenticationRegion = region,
            MaxErrorRetry = maxErrorRetry,
        });

    public static AmazonS3Client S3(SandboxServer server, string region = "us-east-1", AWSCredentials? credentials = null, int maxErrorRetry = 0) =>
        new(credentials ?? Operator, new AmazonS3Config
        {
            ServiceURL = server.Endpoint.ToString(),
            AuthenticationRegion = region,
            ForcePathStyle = true,
            MaxErrorRetry = maxErrorRetry,
        });

    /// <summary>Temporary credentials the sandbox knows, as AssumeRole would mint them.</summary>
    public static SessionAWSCredentials Temporary(SandboxServer server, string account, string arn, TimeSpan lifetime)
    {
        var principal = server.Identities.IssueTemporary(account, arn, "AROASANDBOXTEST:session", DateTimeOffset.UtcNow + lifetime);
        return new SessionAWSCredentials(principal.AccessKeyId, principal.SecretAccessKey, principal.SessionToken);
    }
}
