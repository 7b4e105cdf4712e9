namespace AwsMcp.Storage.Buckets;

/// <summary>A bucket's versioning.</summary>
/// <param name="Status">Enabled, Suspended, or Disabled (never enabled).</param>
/// <param name="MfaDelete">Enabled or Disabled, when AWS reports it.</param>
public sealed record S3VersioningState(string Status, string? MfaDelete);
