using Amazon.Runtime;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Aws.Tests.Tools;

public sealed class AwsErrorMessagesTests
{
    private static readonly AwsCallTarget Target = new("sts", "GetCallerIdentity", "us-east-1", null);

    [Fact]
    public void An_expired_sso_sign_in_says_to_sign_in_again()
    {
        var message = AwsErrorMessages.Unreachable(Target, new AmazonClientException("SSO Token has expired and can not be refreshed"));

        Assert.Contains("aws sso login", message, StringComparison.Ordinal);
        Assert.Contains("sts:GetCallerIdentity in us-east-1", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_failures_keep_what_went_wrong()
    {
        var message = AwsErrorMessages.Unreachable(Target, new HttpRequestException("Connection refused (127.0.0.1:1)"));

        Assert.Equal("Could not reach AWS for sts:GetCallerIdentity in us-east-1: Connection refused (127.0.0.1:1)", message);
    }
}
