using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Protocol;
using AwsMcp.Aws.Tests.Support;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Aws.Tests.Tools;

[Collection(EnvironmentCollection.Name)]
public sealed class AwsTargetsTests
{
    [Fact]
    public void Regional_calls_are_named_in_the_calls_region_and_global_ones_where_they_sign()
    {
        using var _ = new EnvironmentScope();
        using var aws = new AwsClientFactory(ToolContexts.Pack(("Aws:Region", "eu-west-1")), TestCredentials.Basic);
        var ctx = ToolContexts.For(region: "eu-central-1");

        Assert.Equal(new AwsCallTarget("ec2", "DescribeInstances", "eu-central-1", null), aws.Target(ctx, "ec2", "DescribeInstances"));
        Assert.Equal(new AwsCallTarget("iam", "ListRoles", "us-east-1", null), aws.Target(ctx, AwsServiceModels.Iam, "ListRoles"));
        Assert.Equal("eu-central-1", aws.Target(ctx, AwsServiceModels.CloudWatchLogs, "DescribeLogGroups").Region);
    }
}
