namespace AwsMcp.Compute.Logs;

/// <summary>How far back an incident triage looks, ending now.</summary>
public enum IncidentWindow
{
    /// <summary>The last hour.</summary>
    Hour,

    /// <summary>The last six hours.</summary>
    SixHours,

    /// <summary>The last 24 hours.</summary>
    Day,

    /// <summary>The last seven days.</summary>
    Week,
}
