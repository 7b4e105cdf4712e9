namespace AwsMcp.Compute.Logs;

/// <summary>A CloudWatch Logs group: the compact projection, plus <see cref="Details"/> when full records were asked for.</summary>
/// <param name="Name">The log group name.</param>
/// <param name="RetentionDays">Days events are kept; absent means never expire.</param>
/// <param name="StoredBytes">Bytes stored.</param>
/// <param name="CreationTime">When it was created (UTC).</param>
/// <param name="Details">ARN, class, metric filters, KMS key (detail=true).</param>
public sealed record LogGroup(string Name, int? RetentionDays, long? StoredBytes, DateTimeOffset? CreationTime, LogGroupDetails? Details);
