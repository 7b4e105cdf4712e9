namespace AwsMcp.Host.ToolCalls.Audit;

/// <summary>Writes each audit record as one structured log line (category <c>AwsMcp.Audit</c>).</summary>
public sealed partial class LogAuditSink(ILoggerFactory loggerFactory) : IAuditSink
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("AwsMcp.Audit");

    public ValueTask WriteAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        LogRecord(
            record.Tool, record.CallerId, record.CallerAuthentication, record.Channel, record.Allowed ? "allowed" : "refused", record.PolicyRule,
            record.Outcome, (long)record.Duration.TotalMilliseconds, record.Plugin, record.Region, record.Account, record.Arguments,
            record.AwsRequests.Count, record.CorrelationId, record.Time);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Audit: tool {Tool} by {Caller} ({Authentication}) via {Channel}: {Decision} ({PolicyRule}), {Outcome} in {DurationMs} ms; " +
            "plugin {Plugin}, region {Region}, account {Account}, arguments {Arguments}, {AwsRequestCount} AWS request(s), correlation {CorrelationId}, at {Time:o}")]
    private partial void LogRecord(
        string tool, string caller, string authentication, ToolCallChannel channel, string decision, string policyRule,
        ToolCallOutcome outcome, long durationMs, string plugin, string? region, string? account, string arguments,
        int awsRequestCount, string correlationId, DateTimeOffset time);
}
