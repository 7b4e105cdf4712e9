using AwsMcp.Abstractions;
using AwsMcp.Aws.Configuration;
using AwsMcp.Aws.Tests.Support;

namespace AwsMcp.Aws.Tests.Configuration;

[Collection(EnvironmentCollection.Name)]
public sealed class AwsEnvironmentTests
{
    private static AwsEnvironment Create(params (string Key, string? Value)[] settings) =>
        new(AwsAccessOptions.FromSettings(Settings.Of(settings)));

    [Fact]
    public void Service_specific_endpoint_variable_beats_the_global_one()
    {
        using var _ = new EnvironmentScope(
            ("AWS_ENDPOINT_URL", "http://127.0.0.1:1001"),
            ("AWS_ENDPOINT_URL_COST_EXPLORER", "http://127.0.0.1:1002"),
            ("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "http://127.0.0.1:1003"),
            ("AWS_ENDPOINT_URL_EC2", "http://127.0.0.1:1004"));
        var environment = Create();

        Assert.Equal(new Uri("http://127.0.0.1:1002"), environment.ResolveEndpointOverride("Cost Explorer", "ce"));
        Assert.Equal(new Uri("http://127.0.0.1:1003"), environment.ResolveEndpointOverride("CloudWatch Logs", "logs"));
        Assert.Equal(new Uri("http://127.0.0.1:1004"), environment.ResolveEndpointOverride("EC2", "ec2"));
        Assert.Equal(new Uri("http://127.0.0.1:1001"), environment.ResolveEndpointOverride("Lambda", "lambda"));
        Assert.Equal(new Uri("http://127.0.0.1:1001"), environment.ResolveEndpointOverride("IAM", "iam"));
    }

    [Fact]
    public void Ignore_configured_endpoints_flag_is_honoured()
    {
        using var _ = new EnvironmentScope(
            ("AWS_ENDPOINT_URL", "http://127.0.0.1:1001"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));

        Assert.Null(Create().ResolveEndpointOverride("Budgets", "budgets"));
    }

    [Fact]
    public void Service_url_setting_beats_the_environment()
    {
        using var _ = new EnvironmentScope(("AWS_ENDPOINT_URL_LAMBDA", "http://127.0.0.1:1001"));

        Assert.Equal(
            new Uri("http://127.0.0.1:2000"),
            Create(("Aws:ServiceUrl", "http://127.0.0.1:2000")).ResolveEndpointOverride("Lambda", "lambda"));
    }

    [Fact]
    public void No_override_means_the_default_endpoint()
    {
        using var _ = new EnvironmentScope();

        Assert.Null(Create().ResolveEndpointOverride("IAM", "iam"));
    }

    [Fact]
    public void Region_comes_from_the_call_then_the_setting_then_aws_region()
    {
        using var _ = new EnvironmentScope(("AWS_REGION", "eu-north-1"));

        Assert.Equal("ap-south-1", Create(("Aws:Region", "eu-west-1")).ResolveRegion("ap-south-1"));
        Assert.Equal("eu-west-1", Create(("Aws:Region", "eu-west-1")).ResolveRegion(null));
        Assert.Equal("eu-north-1", Create().ResolveRegion(null));
    }

    [Fact]
    public void Malformed_region_argument_is_an_argument_error()
    {
        using var _ = new EnvironmentScope();

        var error = Assert.Throws<ToolArgumentException>(() => Create().ResolveRegion("eu-west"));
        Assert.Equal("region", error.Path);
    }

    [Fact]
    public void Aws_default_region_alone_is_not_used_like_the_dotnet_sdk()
    {
        using var _ = new EnvironmentScope(("AWS_DEFAULT_REGION", "ap-northeast-1"));

        var error = Assert.Throws<ToolException>(() => Create().ResolveRegion(null));
        Assert.Contains("No AWS region is configured", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_supplies_region_and_credentials()
    {
        // Endpoints from a profile's services section live in the config file, which the SDK locates once per
        // process; that path (and AWS_ENDPOINT_URL_* precedence over it) is the SDK's own and is not re-tested here.
        using var _ = new EnvironmentScope();
        EnvironmentScope.WriteCredentials("""
            [probe]
            aws_access_key_id = AKIDPROFILE
            aws_secret_access_key = profile-secret
            region = ap-northeast-2
            """);
        var environment = Create(("Aws:Profile", "probe"));

        Assert.Equal("ap-northeast-2", environment.ResolveRegion(null));
        Assert.Equal("AKIDPROFILE", environment.ResolveBaseCredentials().GetCredentials().AccessKey);
    }

    [Fact]
    public void Environment_keys_are_the_first_link_of_the_default_chain()
    {
        using var _ = new EnvironmentScope(("AWS_ACCESS_KEY_ID", "AKIDENV"), ("AWS_SECRET_ACCESS_KEY", "env-secret"));

        Assert.Equal("AKIDENV", Create().ResolveBaseCredentials().GetCredentials().AccessKey);
    }
}
