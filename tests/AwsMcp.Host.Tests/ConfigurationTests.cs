using AwsMcp.Host.Configuration;
using AwsMcp.Host.Plugins;
using AwsMcp.Host.Redaction;
using AwsMcp.Host.ToolCalls.Authorization;
using Microsoft.Extensions.Configuration;

namespace AwsMcp.Host.Tests;

/// <summary>Options validation messages, plugin settings, globs and redaction.</summary>
public sealed class ConfigurationTests
{
    [Fact]
    public void Invalid_options_are_reported_with_their_section_and_how_to_fix_them()
    {
        var tools = new ValidatableOptionsValidator<ToolOptions>().Validate(null, new ToolOptions { MaxOutputBytes = 10, Deny = [" "] });
        var aws = new ValidatableOptionsValidator<AwsOptions>().Validate(null, new AwsOptions { Region = "Europe" });
        var http = new ValidatableOptionsValidator<HttpOptions>().Validate(null, new HttpOptions { Urls = "http://127.0.0.1:1;http://[::1]:2;http://localhost:3" });
        var exposed = new ValidatableOptionsValidator<HttpOptions>().Validate(null, new HttpOptions { Urls = "http://*:80", AllowNonLoopback = true });

        Assert.Contains("AwsMcp:Tools: MaxOutputBytes must be between 1024 and 10485760 (was 10).", tools.Failures!);
        Assert.Equal(2, tools.Failures!.Count());
        Assert.Contains("AwsMcp:Aws: Region 'Europe' is not an AWS region name (e.g. eu-west-1).", aws.Failures!);
        Assert.True(http.Succeeded);
        Assert.True(exposed.Succeeded);
    }

    [Fact]
    public void Fan_out_bounds_are_checked_at_start_and_a_configured_fleet_replaces_the_default()
    {
        var invalid = new ValidatableOptionsValidator<FanOutOptions>().Validate(
            null, new FanOutOptions { Regions = ["eu-west-1", "Mars", "eu-west-1"], MaxTargets = 0, MaxConcurrency = 65, TargetTimeoutSeconds = 0 });

        Assert.Equal(
            [
                "AwsMcp:FanOut: Regions: 'Mars' is not an AWS region name (e.g. eu-west-1).",
                "AwsMcp:FanOut: Regions lists a region twice.",
                "AwsMcp:FanOut: MaxTargets must be between 1 and 1000 (was 0).",
                "AwsMcp:FanOut: MaxConcurrency must be between 1 and 64 (was 65).",
                "AwsMcp:FanOut: TargetTimeoutSeconds must be between 1 and 600 (was 0).",
            ],
            invalid.Failures!);
        Assert.Equal(17, new FanOutOptions().Fleet.Count);

        var bound = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Regions:0"] = "eu-west-1" }).Build().Get<FanOutOptions>()!;
        Assert.Equal(["eu-west-1"], bound.Fleet);
    }

    [Fact]
    public void Plugins_see_the_aws_section_and_only_their_own_settings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AwsMcp:Aws:Region"] = "eu-west-1",
            ["AwsMcp:Aws:Accounts:prod:RoleArn"] = "arn:aws:iam::1:role/r",
            ["AwsMcp:Plugins:Settings:Compute:MaxInstances"] = "5",
            ["AwsMcp:Plugins:Settings:Storage:Bucket"] = "b",
        }).Build();

        var settings = PluginSettings.For(configuration, "Compute");

        Assert.Equal("eu-west-1", settings["aws:region"]);
        Assert.Equal("arn:aws:iam::1:role/r", settings["Aws:Accounts:prod:RoleArn"]);
        Assert.Equal("5", settings["Plugin:MaxInstances"]);
        Assert.Equal(3, settings.Count);
    }

    [Theory]
    [InlineData("ec2_*", "ec2_describe_instances", true)]
    [InlineData("ec2_*", "s3_list", false)]
    [InlineData("s3_?et", "s3_get", true)]
    [InlineData("s3.get", "s3_get", false)]
    public void Globs_match_whole_tool_names(string pattern, string tool, bool matches) =>
        Assert.Equal(matches, new GlobPattern(pattern).IsMatch(tool));

    [Fact]
    public void Redaction_hides_secret_named_arguments_and_access_key_ids()
    {
        using var document = System.Text.Json.JsonDocument.Parse(
            """{"bucket":"b","db_password":"hunter2","nested":{"SecretAccessKey":"x"},"ids":["AKIAABCDEFGHIJKLMNOP","i-1"]}""");

        var redacted = new SharedSecretRedactor().RedactArguments(document.RootElement);

        Assert.Equal("""{"bucket":"b","db_password":"[redacted]","nested":{"SecretAccessKey":"[redacted]"},"ids":["[redacted]","i-1"]}""", redacted);
    }
}
