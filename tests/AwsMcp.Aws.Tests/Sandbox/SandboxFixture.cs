using Amazon.Runtime;
using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Tests.Support;
using AwsMcp.Sandbox;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Aws.Tests.Sandbox;

/// <summary>One sandbox per test class, and a client factory pointed at it with the operator key.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    /// <summary>The named account of the seed: a read-only role in the second account that trusts the main one.</summary>
    public const string SecondAccount = "second";

    private SandboxServer? _server;
    private AwsClientFactory? _factory;

    public SandboxServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public AwsClientFactory Factory => _factory ?? throw new InvalidOperationException("Not started.");

    public static BasicAWSCredentials OperatorCredentials { get; } =
        new(SandboxIdentities.OperatorAccessKeyId, SandboxIdentities.OperatorSecretAccessKey);

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync();
        _factory = new AwsClientFactory(
            ToolContexts.Pack(
                ("Aws:Region", "us-east-1"),
                ("Aws:ServiceUrl", _server.Endpoint.ToString()),
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
