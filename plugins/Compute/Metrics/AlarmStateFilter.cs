namespace AwsMcp.Compute.Metrics;

/// <summary>Which alarms list_alarms shows, by state.</summary>
public enum AlarmStateFilter
{
    Alarm,
    Ok,
    InsufficientData,
    Any,
}
