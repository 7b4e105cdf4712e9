using AwsMcp.Aws.Protocol;

namespace AwsMcp.Aws.Tests.Protocol;

public sealed class AwsEndpointResolverTests
{
    public static TheoryData<string, string, string, string> Defaults() => new()
    {
        { "Lambda", "eu-west-1", "https://lambda.eu-west-1.amazonaws.com/", "eu-west-1" },
        { "CloudWatch Logs", "ap-southeast-2", "https://logs.ap-southeast-2.amazonaws.com/", "ap-southeast-2" },
        { "CloudWatch", "eu-central-1", "https://monitoring.eu-central-1.amazonaws.com/", "eu-central-1" },
        { "CloudWatch", "cn-north-1", "https://monitoring.cn-north-1.amazonaws.com.cn/", "cn-north-1" },
        { "STS", "eu-west-3", "https://sts.eu-west-3.amazonaws.com/", "eu-west-3" },
        { "IAM", "eu-west-1", "https://iam.amazonaws.com/", "us-east-1" },
        { "Cost Explorer", "eu-west-1", "https://ce.us-east-1.amazonaws.com/", "us-east-1" },
        { "Budgets", "ap-south-1", "https://budgets.amazonaws.com/", "us-east-1" },
        { "CloudTrail", "eu-central-1", "https://cloudtrail.eu-central-1.amazonaws.com/", "eu-central-1" },
        { "Lambda", "cn-north-1", "https://lambda.cn-north-1.amazonaws.com.cn/", "cn-north-1" },
        { "IAM", "cn-northwest-1", "https://iam.cn-north-1.amazonaws.com.cn/", "cn-north-1" },
        { "Cost Explorer", "cn-north-1", "https://ce.cn-northwest-1.amazonaws.com.cn/", "cn-northwest-1" },
        { "Budgets", "cn-north-1", "https://budgets.amazonaws.com.cn/", "cn-northwest-1" },
        { "IAM", "us-gov-east-1", "https://iam.us-gov.amazonaws.com/", "us-gov-west-1" },
        { "Lambda", "us-gov-west-1", "https://lambda.us-gov-west-1.amazonaws.com/", "us-gov-west-1" },
    };

    [Theory]
    [MemberData(nameof(Defaults))]
    public void Default_endpoints_follow_botocore(string serviceId, string region, string url, string signingRegion)
    {
        var model = AwsServiceModels.All.Single(m => m.ServiceId == serviceId);

        var endpoint = AwsEndpointResolver.Resolve(model, region, overrideUrl: null);

        Assert.Equal(url, endpoint.Url.ToString());
        Assert.Equal(signingRegion, endpoint.SigningRegion);
        Assert.False(endpoint.IsOverride);
    }

    [Fact]
    public void Override_keeps_the_default_signing_region()
    {
        var endpoint = AwsEndpointResolver.Resolve(AwsServiceModels.Iam, "eu-west-1", new Uri("http://127.0.0.1:9000"));

        Assert.Equal("http://127.0.0.1:9000/", endpoint.Url.ToString());
        Assert.Equal("us-east-1", endpoint.SigningRegion);
        Assert.True(endpoint.IsOverride);
    }

    [Theory]
    [InlineData("Lambda", "AWS_ENDPOINT_URL_LAMBDA")]
    [InlineData("CloudWatch Logs", "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS")]
    [InlineData("CloudWatch", "AWS_ENDPOINT_URL_CLOUDWATCH")]
    [InlineData("Cost Explorer", "AWS_ENDPOINT_URL_COST_EXPLORER")]
    [InlineData("Budgets", "AWS_ENDPOINT_URL_BUDGETS")]
    [InlineData("CloudTrail", "AWS_ENDPOINT_URL_CLOUDTRAIL")]
    [InlineData("IAM", "AWS_ENDPOINT_URL_IAM")]
    [InlineData("STS", "AWS_ENDPOINT_URL_STS")]
    public void Endpoint_variables_use_the_sdk_service_ids(string serviceId, string variable)
    {
        var model = AwsServiceModels.All.Single(m => m.ServiceId == serviceId);

        Assert.Equal(variable, model.EndpointEnvironmentVariable);
    }
}
