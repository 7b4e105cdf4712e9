namespace AwsMcp.Compute.Metrics;

/// <summary>A metric alarm: what it watches, its state and how it got there.</summary>
/// <param name="Name">The alarm name.</param>
/// <param name="State">OK, ALARM or INSUFFICIENT_DATA.</param>
/// <param name="Since">When it entered this state (UTC).</param>
/// <param name="Reason">Why, as CloudWatch says it (cut to 300 characters).</param>
/// <param name="Namespace">The metric's namespace; absent for alarms on metric math.</param>
/// <param name="Metric">The metric name; absent for alarms on metric math.</param>
/// <param name="Dimensions">Dimension name to value, e.g. InstanceId.</param>
/// <param name="Condition">e.g. <c>Average &gt; 90 for 3 of 3 x 300s</c>.</param>
/// <param name="RecentChanges">Its last state changes, newest first.</param>
public sealed record AlarmSummary(
    string Name,
    string State,
    DateTimeOffset? Since,
    string? Reason,
    string? Namespace,
    string? Metric,
    IReadOnlyDictionary<string, string> Dimensions,
    string Condition,
    IReadOnlyList<AlarmStateChange> RecentChanges);
