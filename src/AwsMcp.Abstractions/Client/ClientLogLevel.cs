namespace AwsMcp.Abstractions;

/// <summary>The MCP log levels (RFC 5424 severities), least severe first.</summary>
public enum ClientLogLevel
{
    Debug,
    Info,
    Notice,
    Warning,
    Error,
    Critical,
    Alert,
    Emergency,
}
