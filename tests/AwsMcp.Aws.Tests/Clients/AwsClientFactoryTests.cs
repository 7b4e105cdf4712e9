using Amazon.EC2;
using Amazon.Runtime;
using Amazon.S3;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Protocol;
using AwsMcp.Aws.Tests.Accounts;
using AwsMcp.Aws.Tests.Support;

namespace AwsMcp.Aws.Tests.Clients;

[Collection(EnvironmentCollection.Name)]
public sealed class AwsClientFactoryTests
{
    private static readonly (string, string?)[] WithAccounts =
    [
        ("Aws:Region", "eu-west-1"),
        ("Aws:MaxErrorRetry", "2"),
        ("Aws:TimeoutSeconds", "7"),
        ("Aws:Accounts:prod:RoleArn", "arn:aws:iam::111122223333:role/ReadOnly"),
        ("Aws:Accounts:prod:Region", "us-west-2"),
        ("Aws:Accounts:dev:RoleArn", "arn:aws:iam::444455556666:role/ReadOnly"),
    ];

    [Fact]
    public void Sdk_clients_are_tuned_for_a_server_and_reused()
    {
        using var _ = new EnvironmentScope();
        using var factory = new AwsClientFactory(ToolContexts.Pack(WithAccounts), TestCredentials.Basic);

        var ec2 = factory.Ec2(ToolContexts.For());
        var config = (AmazonEC2Config)ec2.Config;

        Assert.Same(ec2, factory.Ec2(ToolContexts.For(callerId: "someone-else")));
        Assert.NotSame(ec2, factory.Ec2(ToolContexts.For(region: "eu-central-1")));
        Assert.Equal("eu-west-1", config.RegionEndpoint.SystemName);
        Assert.Equal(RequestRetryMode.Standard, config.RetryMode);
        Assert.Equal(2, config.MaxErrorRetry);
        Assert.Equal(TimeSpan.FromSeconds(7), config.Timeout);
        Assert.Equal("awsmcp-compute", config.ClientAppId);
    }

    [Fact]
    public void Endpoint_override_switches_s3_to_path_style()
    {
        using var _ = new EnvironmentScope(("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:4599"));
        using var factory = new AwsClientFactory(ToolContexts.Pack(("Aws:Region", "eu-west-1")), TestCredentials.Basic);

        var config = (AmazonS3Config)factory.S3(ToolContexts.For()).Config;

        Assert.Equal("http://127.0.0.1:4599/", config.ServiceURL);
        Assert.True(config.ForcePathStyle);
        Assert.Equal("eu-west-1", config.AuthenticationRegion);
    }

    [Fact]
    public void Without_override_s3_keeps_virtual_host_addressing()
    {
        using var _ = new EnvironmentScope();
        using var factory = new AwsClientFactory(ToolContexts.Pack(("Aws:Region", "eu-west-1")), TestCredentials.Basic);

        Assert.False(((AmazonS3Config)factory.S3(ToolContexts.For()).Config).ForcePathStyle);
    }

    [Fact]
    public void Unknown_account_lists_the_configured_names()
    {
        using var _ = new EnvironmentScope();
        using var factory = new AwsClientFactory(ToolContexts.Pack(WithAccounts), TestCredentials.Basic);

        var error = Assert.Throws<ToolException>(() => factory.Ec2(ToolContexts.For(account: "staging")));

        Assert.Equal("Unknown account 'staging' (configured: dev, prod).", error.Message);
    }

    [Fact]
    public async Task Account_calls_use_the_callers_assumed_role_and_the_accounts_region()
    {
        using var _ = new EnvironmentScope();
        var assumer = new FakeRoleAssumer(TimeProvider.System);
        using var factory = new AwsClientFactory(ToolContexts.Pack(WithAccounts), TestCredentials.Basic, assumer);

        var alice = ToolContexts.For(callerId: "alice", account: "prod");
        var credentials = await factory.Credentials(alice).GetCredentialsAsync();
        var protocol = factory.Protocol(AwsServiceModels.Lambda, alice);

        Assert.Equal("ASIA0001", credentials.AccessKey);
        Assert.Equal("us-west-2", factory.Region(alice));
        Assert.Equal("https://lambda.us-west-2.amazonaws.com/", protocol.Endpoint.Url.ToString());
        Assert.Same(protocol, factory.Protocol(AwsServiceModels.Lambda, ToolContexts.For(callerId: "alice", account: "PROD")));
        Assert.NotSame(protocol, factory.Protocol(AwsServiceModels.Lambda, ToolContexts.For(callerId: "bob", account: "prod")));
        Assert.Same(TestCredentials.Basic, factory.Credentials(ToolContexts.For(callerId: "alice")));
    }

    [Fact]
    public void Protocol_clients_follow_global_endpoints()
    {
        using var _ = new EnvironmentScope();
        using var factory = new AwsClientFactory(ToolContexts.Pack(("Aws:Region", "ap-southeast-1")), TestCredentials.Basic);

        var iam = factory.Protocol(AwsServiceModels.Iam, ToolContexts.For());

        Assert.Equal("https://iam.amazonaws.com/", iam.Endpoint.Url.ToString());
        Assert.Equal("us-east-1", iam.Endpoint.SigningRegion);
    }

    [Fact]
    public void Sdk_and_protocol_clients_of_one_service_are_kept_apart()
    {
        using var _ = new EnvironmentScope();
        using var factory = new AwsClientFactory(ToolContexts.Pack(("Aws:Region", "eu-west-1")), TestCredentials.Basic);
        var ctx = ToolContexts.For();

        Assert.NotNull(factory.Sts(ctx));
        Assert.Equal(AwsServiceModels.Sts, factory.Protocol(AwsServiceModels.Sts, ctx).Service);
    }

    [Fact]
    public void Missing_credentials_are_a_tool_error_and_not_remembered()
    {
        using var _ = new EnvironmentScope();
        using var factory = new AwsClientFactory(ToolContexts.Pack(("Aws:Region", "eu-west-1")));

        var error = Assert.Throws<ToolException>(() => factory.Ec2(ToolContexts.For()));
        Assert.StartsWith("No AWS credentials found:", error.Message, StringComparison.Ordinal);

        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDLATER");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "later-secret");
        Assert.NotNull(factory.Ec2(ToolContexts.For()));
    }

    [Fact]
    public void Invalid_settings_fail_at_construction()
    {
        var error = Assert.Throws<ToolException>(() => new AwsClientFactory(ToolContexts.Pack(("Aws:TimeoutSeconds", "0"))));

        Assert.StartsWith("Invalid AWS configuration:", error.Message, StringComparison.Ordinal);
    }
}
