namespace AwsMcp.Sandbox.Services.CloudWatch;

/// <summary>A metric a kind of resource publishes: its name, its unit, and how often a value is published.</summary>
internal sealed record MetricDefinition(string Namespace, string Name, string Unit, TimeSpan Interval)
{
    public const string Ec2 = "AWS/EC2";
    public const string Lambda = "AWS/Lambda";

    // EC2 basic monitoring publishes every five minutes; Lambda every minute.
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);

    private static readonly IReadOnlyList<MetricDefinition> Ec2Metrics =
    [
        new(Ec2, "CPUUtilization", "Percent", FiveMinutes),
        new(Ec2, "NetworkIn", "Bytes", FiveMinutes),
        new(Ec2, "NetworkOut", "Bytes", FiveMinutes),
        new(Ec2, "StatusCheckFailed", "Count", FiveMinutes),
    ];

    private static readonly IReadOnlyList<MetricDefinition> LambdaMetrics =
    [
        new(Lambda, "Invocations", "Count", OneMinute),
        new(Lambda, "Errors", "Count", OneMinute),
        new(Lambda, "Duration", "Milliseconds", OneMinute),
        new(Lambda, "Throttles", "Count", OneMinute),
    ];

    /// <summary>The metrics published in <paramref name="metricNamespace"/>; none for a namespace the sandbox does not seed.</summary>
    public static IReadOnlyList<MetricDefinition> In(string metricNamespace) => metricNamespace switch
    {
        Ec2 => Ec2Metrics,
        Lambda => LambdaMetrics,
        _ => [],
    };
}
