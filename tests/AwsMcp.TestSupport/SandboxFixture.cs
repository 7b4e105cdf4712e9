using Amazon.Runtime;
using AwsMcp.Aws.Clients;
using AwsMcp.Sandbox;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Testing;
using Xunit;

namespace AwsMcp.TestSupport;

/// <summary>
/// One sandbox per test class (xunit class fixture): starting Kestrel and warming the SDK once keeps suites fast. Its
/// <see cref="Factory"/> is a pack's AWS client factory pointed at it with the operator key.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    /// <summary>The named account of the seed: a read-only role in the second account that trusts the main one.</summary>
    public const string SecondAccount = "second";

    private SandboxServer? _server;
    private AwsClientFactory? _factory;

    public SandboxServer Server => _server ?? throw new InvalidOperationException("The sandbox has not started.");

    public AwsClientFactory Factory => _factory ?? throw new InvalidOperationException("The sandbox has not started.");

    public static BasicAWSCredentials OperatorCredentials { get; } =
        new(SandboxIdentities.OperatorAccessKeyId, SandboxIdentities.OperatorSecretAccessKey);

    public async Task InitializeAsync()
    {
        // Explicit credentials and endpoints are used throughout; this keeps any SDK fallback away from 169.254.169.254.
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        _server = await SandboxServer.StartAsync();
        _factory = new AwsClientFactory(
            SandboxToolContext.Pack(
                _server,
                "Tests",
                ("Aws:MaxErrorRetry", "3"),
                ("Aws:TimeoutSeconds", "10"),
                ($"Aws:Accounts:{SecondAccount}:RoleArn", $"arn:aws:iam::{SandboxIdentities.SecondAccount}:role/AwsMcpReadOnly")),
            OperatorCredentials);
    }

    public async Task DisposeAsync()
    {
        _factory?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
