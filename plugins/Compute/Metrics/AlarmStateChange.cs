namespace AwsMcp.Compute.Metrics;

/// <summary>One state change of an alarm.</summary>
/// <param name="Time">When it changed (UTC).</param>
/// <param name="From">OK, ALARM or INSUFFICIENT_DATA.</param>
/// <param name="To">OK, ALARM or INSUFFICIENT_DATA.</param>
public sealed record AlarmStateChange(DateTimeOffset Time, string From, string To);
