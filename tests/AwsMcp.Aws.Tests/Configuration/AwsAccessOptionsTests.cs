using AwsMcp.Abstractions;
using AwsMcp.Aws.Configuration;
using AwsMcp.Aws.Tests.Support;

namespace AwsMcp.Aws.Tests.Configuration;

public sealed class AwsAccessOptionsTests
{
    [Fact]
    public void Empty_settings_give_defaults()
    {
        var options = AwsAccessOptions.FromSettings(Settings.Of());

        Assert.Null(options.Region);
        Assert.Null(options.Profile);
        Assert.Null(options.ServiceUrl);
        Assert.Equal(3, options.MaxErrorRetry);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
        Assert.Empty(options.Accounts);
    }

    [Fact]
    public void Reads_every_setting_and_named_accounts()
    {
        var options = AwsAccessOptions.FromSettings(Settings.Of(
            ("Aws:Region", "eu-west-1"),
            ("Aws:Profile", "ops"),
            ("Aws:ServiceUrl", "http://127.0.0.1:4566"),
            ("Aws:MaxErrorRetry", "5"),
            ("Aws:TimeoutSeconds", "12"),
            ("Aws:Accounts:prod:RoleArn", "arn:aws:iam::111122223333:role/AwsMcpReadOnly"),
            ("Aws:Accounts:prod:Region", "us-west-2"),
            ("Aws:Accounts:prod:ExternalId", "ext-123"),
            ("Aws:Accounts:prod:SessionDurationSeconds", "1800"),
            ("aws:accounts:Dev:rolearn", "arn:aws-cn:iam::444455556666:role/path/Dev")));

        Assert.Equal("eu-west-1", options.Region);
        Assert.Equal("ops", options.Profile);
        Assert.Equal(new Uri("http://127.0.0.1:4566"), options.ServiceUrl);
        Assert.Equal(5, options.MaxErrorRetry);
        Assert.Equal(TimeSpan.FromSeconds(12), options.Timeout);
        var prod = options.Accounts["PROD"];
        Assert.Equal(new AwsAccountOptions("prod", "arn:aws:iam::111122223333:role/AwsMcpReadOnly", "us-west-2", "ext-123", TimeSpan.FromMinutes(30)), prod);
        var dev = options.Accounts["dev"];
        Assert.Null(dev.Region);
        Assert.Equal(TimeSpan.FromHours(1), dev.SessionDuration);
    }

    [Fact]
    public void Reports_every_problem_at_once()
    {
        var error = Assert.Throws<ToolException>(() => AwsAccessOptions.FromSettings(Settings.Of(
            ("Aws:Region", "Europe"),
            ("Aws:ServiceUrl", "ftp://example"),
            ("Aws:MaxErrorRetry", "-1"),
            ("Aws:TimeoutSeconds", "soon"),
            ("Aws:Accounts:prod:Region", "eu-west-1"),
            ("Aws:Accounts:bad:RoleArn", "arn:aws:iam::1:user/x"),
            ("Aws:Accounts:bad:SessionDurationSeconds", "60"),
            ("Aws:Accounts:bad:ExternalId", "has spaces"))));

        Assert.Contains("'Aws:Region' = 'Europe' is not a region name", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Aws:ServiceUrl' must be an absolute http(s) URL", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Aws:MaxErrorRetry' must be a whole number from 0 to 10", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Aws:TimeoutSeconds' must be a whole number from 1 to 900", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Aws:Accounts:prod:RoleArn' is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Aws:Accounts:bad:RoleArn' must be an IAM role ARN", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Aws:Accounts:bad:SessionDurationSeconds' must be a whole number from 900 to 43200", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Aws:Accounts:bad:ExternalId' must be 2 to 1224 characters", error.Message, StringComparison.Ordinal);
    }
}
