using System.Text.RegularExpressions;
using AwsMcp.Abstractions;

namespace AwsMcp.Compute.Metrics;

/// <summary>
/// What get_metric_summary knows of each resource type: its namespace and dimension, the metrics summarised when the
/// caller names none, and the unit and per-period statistic of the common metrics (GetMetricData answers no units).
/// </summary>
internal static partial class MetricCatalog
{
    private static readonly IReadOnlyDictionary<string, KnownMetric> Ec2 = Index(
        new("CPUUtilization", "Percent", "Average"),
        new("NetworkIn", "Bytes", "Sum"),
        new("NetworkOut", "Bytes", "Sum"),
        new("NetworkPacketsIn", "Count", "Sum"),
        new("NetworkPacketsOut", "Count", "Sum"),
        new("DiskReadBytes", "Bytes", "Sum"),
        new("DiskWriteBytes", "Bytes", "Sum"),
        new("StatusCheckFailed", "Count", "Maximum"),
        new("StatusCheckFailed_Instance", "Count", "Maximum"),
        new("StatusCheckFailed_System", "Count", "Maximum"),
        new("CPUCreditBalance", "Count", "Average"));

    private static readonly IReadOnlyDictionary<string, KnownMetric> Lambda = Index(
        new("Invocations", "Count", "Sum"),
        new("Errors", "Count", "Sum"),
        new("Throttles", "Count", "Sum"),
        new("Duration", "Milliseconds", "Average"),
        new("ConcurrentExecutions", "Count", "Maximum"),
        new("DeadLetterErrors", "Count", "Sum"),
        new("IteratorAge", "Milliseconds", "Maximum"));

    public static string Namespace(MetricResourceType type) => type == MetricResourceType.Ec2Instance ? "AWS/EC2" : "AWS/Lambda";

    public static string Dimension(MetricResourceType type) => type == MetricResourceType.Ec2Instance ? "InstanceId" : "FunctionName";

    public static IReadOnlyList<string> Defaults(MetricResourceType type) => type == MetricResourceType.Ec2Instance
        ? ["CPUUtilization", "NetworkIn", "NetworkOut"]
        : ["Errors", "Duration", "Throttles", "Invocations"];

    /// <summary>The metric's unit and statistic; an unknown metric gets no unit and Average.</summary>
    public static KnownMetric Describe(MetricResourceType type, string name) =>
        (type == MetricResourceType.Ec2Instance ? Ec2 : Lambda).GetValueOrDefault(name) ?? new KnownMetric(name, Unit: null, "Average");

    /// <summary>Refuses an id the resource type cannot have, naming the argument, before anything reaches AWS.</summary>
    public static void CheckId(MetricResourceType type, string id)
    {
        var (pattern, shape) = type == MetricResourceType.Ec2Instance
            ? (InstanceId(), "an instance id like i-0123456789abcdef0")
            : (FunctionName(), "a function name (letters, digits, - and _, at most 64)");
        if (!pattern.IsMatch(id))
        {
            throw new ToolArgumentException("resource_id", $"'{id}' is not {shape}.");
        }
    }

    private static Dictionary<string, KnownMetric> Index(params KnownMetric[] metrics) =>
        metrics.ToDictionary(metric => metric.Name, StringComparer.Ordinal);

    [GeneratedRegex("^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$", RegexOptions.CultureInvariant)]
    private static partial Regex InstanceId();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex FunctionName();
}
