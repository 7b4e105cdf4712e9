namespace AwsMcp.Compute.Metrics;

/// <summary>The kinds of resource get_metric_summary knows the metrics of.</summary>
public enum MetricResourceType
{
    /// <summary>An EC2 instance (namespace AWS/EC2, dimension InstanceId).</summary>
    Ec2Instance,

    /// <summary>A Lambda function (namespace AWS/Lambda, dimension FunctionName).</summary>
    LambdaFunction,
}
