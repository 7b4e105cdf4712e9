namespace AwsMcp.Compute.Logs;

/// <summary>A log stream: the compact projection, plus <see cref="Details"/> when full records were asked for.</summary>
/// <param name="Name">The stream name.</param>
/// <param name="FirstEventTime">Timestamp of its first event (UTC).</param>
/// <param name="LastEventTime">Timestamp of its last event (UTC; AWS updates it within about an hour).</param>
/// <param name="Details">ARN, creation and last ingestion time (detail=true).</param>
public sealed record LogStream(string Name, DateTimeOffset? FirstEventTime, DateTimeOffset? LastEventTime, LogStreamDetails? Details);
