using AwsMcp.Host.Configuration;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.ToolCalls.Audit;

/// <summary>
/// Writes each audit record as one structured log line (category <c>AwsMcp.Audit</c>). With the durable JSON-lines
/// audit on, the line is at Debug level: the file is the record, and a line per call at Information would cost
/// every call a console write.
/// </summary>
public sealed partial class LogAuditSink(ILoggerFactory loggerFactory, IOptions<AuditOptions> options) : IAuditSink
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("AwsMcp.Audit");
    private readonly LogLevel _level = options.Value.Enabled ? LogLevel.Debug : LogLevel.Information;

    public ValueTask WriteAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        if (_logger.IsEnabled(_level))
        {
            LogRecord(
                _level, record.Kind, record.Tool, record.CallerId, record.CallerAuthentication, record.Channel, record.Allowed ? "allowed" : "refused",
                record.PolicyRule, record.Outcome, (long)record.Duration.TotalMilliseconds, record.Plugin, record.Region, record.Account,
                record.Arguments, record.AwsRequests.Count, record.CorrelationId, record.Time);
        }

        return ValueTask.CompletedTask;
    }

    [LoggerMessage(
        Message = "Audit {Kind}: tool {Tool} by {Caller} ({Authentication}) via {Channel}: {Decision} ({PolicyRule}), {Outcome} in {DurationMs} ms; " +
            "plugin {Plugin}, region {Region}, account {Account}, arguments {Arguments}, {AwsRequestCount} AWS request(s), correlation {CorrelationId}, at {Time:o}")]
    private partial void LogRecord(
        LogLevel level, AuditRecordKind kind, string tool, string caller, string authentication, ToolCallChannel channel, string decision, string policyRule,
        ToolCallOutcome outcome, long durationMs, string? plugin, string? region, string? account, string? arguments,
        int awsRequestCount, string correlationId, DateTimeOffset time);
}
