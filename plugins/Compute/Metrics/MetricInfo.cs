namespace AwsMcp.Compute.Metrics;

/// <summary>A metric CloudWatch has: namespace, name and dimensions.</summary>
/// <param name="Namespace">e.g. AWS/EC2.</param>
/// <param name="Name">The metric name.</param>
/// <param name="Dimensions">Dimension name to value, e.g. InstanceId.</param>
public sealed record MetricInfo(string Namespace, string Name, IReadOnlyDictionary<string, string> Dimensions);
