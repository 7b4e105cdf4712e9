namespace AwsMcp.Aws.Protocol;

/// <summary>The services reached through <see cref="AwsProtocolClient"/> (checked against botocore's service-2.json).</summary>
public static class AwsServiceModels
{
    public static AwsServiceModel Lambda { get; } =
        new("Lambda", "lambda", "lambda", AwsProtocol.RestJson, TargetPrefix: null, ApiVersion: "2015-03-31", GlobalRegion: null);

    public static AwsServiceModel CloudWatchLogs { get; } =
        new("CloudWatch Logs", "logs", "logs", AwsProtocol.Json, "Logs_20140328", ApiVersion: "2014-03-28", GlobalRegion: null);

    /// <summary>
    /// CloudWatch metrics and alarms over awsQuery, the classic protocol every SDK has spoken: botocore's current model
    /// lists Smithy RPC v2 CBOR and awsJson1_0 first (awsQueryCompatible), and query still.
    /// </summary>
    public static AwsServiceModel CloudWatch { get; } =
        new("CloudWatch", "monitoring", "monitoring", AwsProtocol.Query, TargetPrefix: null, ApiVersion: "2010-08-01", GlobalRegion: null);

    public static AwsServiceModel CostExplorer { get; } =
        new("Cost Explorer", "ce", "ce", AwsProtocol.Json, "AWSInsightsIndexService", ApiVersion: "2017-10-25", GlobalRegion: "us-east-1");

    public static AwsServiceModel Budgets { get; } =
        new("Budgets", "budgets", "budgets", AwsProtocol.Json, "AWSBudgetServiceGateway", ApiVersion: "2016-10-20", GlobalRegion: "us-east-1");

    public static AwsServiceModel CloudTrail { get; } =
        new("CloudTrail", "cloudtrail", "cloudtrail", AwsProtocol.Json, "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101", ApiVersion: "2013-11-01", GlobalRegion: null);

    public static AwsServiceModel Iam { get; } =
        new("IAM", "iam", "iam", AwsProtocol.Query, TargetPrefix: null, ApiVersion: "2010-05-08", GlobalRegion: "us-east-1");

    /// <summary>Regional STS (the SDK v4 default); the legacy global sts.amazonaws.com is not used.</summary>
    public static AwsServiceModel Sts { get; } =
        new("STS", "sts", "sts", AwsProtocol.Query, TargetPrefix: null, ApiVersion: "2011-06-15", GlobalRegion: null);

    /// <summary>Every model above.</summary>
    public static IReadOnlyList<AwsServiceModel> All { get; } = [Lambda, CloudWatchLogs, CloudWatch, CostExplorer, Budgets, CloudTrail, Iam, Sts];
}
