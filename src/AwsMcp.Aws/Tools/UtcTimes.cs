namespace AwsMcp.Aws.Tools;

/// <summary>
/// Time conversions for AWS answers: SDK timestamps and epoch milliseconds, always as UTC, so that tools show one
/// time zone whatever the SDK or the service answered in.
/// </summary>
public static class UtcTimes
{
    /// <summary>An SDK timestamp as UTC (the SDK answers UTC or local time; unspecified means UTC on the wire).</summary>
    public static DateTimeOffset? FromSdk(DateTime? time) => time switch
    {
        null => null,
        { Kind: DateTimeKind.Local } local => new DateTimeOffset(local.ToUniversalTime()),
        { } other => new DateTimeOffset(DateTime.SpecifyKind(other, DateTimeKind.Utc)),
    };

    /// <summary>Epoch milliseconds (CloudWatch Logs, Lambda) as UTC.</summary>
    public static DateTimeOffset? FromEpochMilliseconds(long? milliseconds) =>
        milliseconds is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
}
