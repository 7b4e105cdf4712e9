namespace AwsMcp.Compute.Logs;

/// <summary>The rest of a log group's record.</summary>
/// <param name="Arn">The log group ARN (without the trailing :*).</param>
/// <param name="LogGroupClass">STANDARD, INFREQUENT_ACCESS or DELIVERY.</param>
/// <param name="MetricFilterCount">Number of metric filters.</param>
/// <param name="KmsKeyId">The KMS key encrypting it, when one does.</param>
/// <param name="DataProtectionStatus">Data protection policy status, when one applies.</param>
public sealed record LogGroupDetails(string? Arn, string? LogGroupClass, int? MetricFilterCount, string? KmsKeyId, string? DataProtectionStatus);
