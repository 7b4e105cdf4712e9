namespace AwsMcp.ToolPacks.Shared;

/// <summary>Time conversions for AWS answers: SDK timestamps and epoch milliseconds.</summary>
internal static class UtcTimes
{
    /// <summary>An SDK timestamp as UTC (the SDK answers UTC or local time; unspecified means UTC on the wire).</summary>
    public static DateTimeOffset? FromSdk(DateTime? time) => time switch
    {
        null => null,
        { Kind: DateTimeKind.Local } local => new DateTimeOffset(local.ToUniversalTime()),
        { } other => new DateTimeOffset(DateTime.SpecifyKind(other, DateTimeKind.Utc)),
    };

    public static DateTimeOffset? FromEpochMilliseconds(long? milliseconds) =>
        milliseconds is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
}
