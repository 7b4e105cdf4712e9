namespace AwsMcp.Compute.Logs;

/// <summary>The rest of a log stream's record.</summary>
/// <param name="Arn">The stream ARN.</param>
/// <param name="CreationTime">When it was created (UTC).</param>
/// <param name="LastIngestionTime">When an event was last received (UTC).</param>
public sealed record LogStreamDetails(string? Arn, DateTimeOffset? CreationTime, DateTimeOffset? LastIngestionTime);
