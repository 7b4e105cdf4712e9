using AwsMcp.Host.ToolCalls.Audit;
using AwsMcp.Host.ToolCalls.Audit.JsonLines;

namespace AwsMcp.Host.Hosting.Startup;

/// <summary>
/// A serving host claims its audit chain as it starts (<see cref="JsonLinesAuditSink.Open"/>): a replica id that another
/// live process writes stops the server before it serves (exit code 2), rather than refusing every call it would take.
/// A folder that cannot be written does not: the disk may come back, and until it does every call fails closed, as it
/// would if the folder failed later. One-shot commands claim the chain at their first record, so <c>tools list</c>
/// takes no lock.
/// </summary>
public sealed partial class AuditChainOpening(IEnumerable<IAuditSink> sinks, ILogger<AuditChainOpening> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var sink in sinks.OfType<JsonLinesAuditSink>())
        {
            try
            {
                sink.Open();
            }
            catch (Exception ex) when (ex is (IOException or UnauthorizedAccessException) and not AuditReplicaInUseException)
            {
                LogNotOpened(ex.Message);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit chain cannot be opened ({Reason}); every call fails closed until the audit folder can be written")]
    private partial void LogNotOpened(string reason);
}
