namespace AwsMcp.Compute.Logs;

/// <summary>One log event.</summary>
/// <param name="Timestamp">When it happened (UTC).</param>
/// <param name="LogStream">The stream it is in.</param>
/// <param name="Message">The message, capped and with credential-shaped values redacted.</param>
/// <param name="Truncated">True when the message was cut.</param>
public sealed record LogEvent(DateTimeOffset Timestamp, string? LogStream, string Message, bool Truncated);
