namespace AwsMcp.Iam.Activity;

/// <summary>One change to a resource.</summary>
/// <param name="Time">When (UTC).</param>
/// <param name="EventName">The API call.</param>
/// <param name="Principal">Who (ARN).</param>
/// <param name="ErrorCode">Set when the attempt failed.</param>
/// <param name="Parameters">What was asked (request parameters, secrets redacted, capped).</param>
public sealed record ResourceChange(DateTimeOffset Time, string EventName, string? Principal, string? ErrorCode, string? Parameters);
