using System.Diagnostics;
using System.Text;
using AwsMcp.Abstractions;
using AwsMcp.Host.Redaction;

namespace AwsMcp.Host.Hosting.Startup;

/// <summary>
/// Once the server listens (<see cref="StartupWork"/>), pays in the background what the host's own call path would
/// otherwise charge the first tool call: compiling the redaction of JSON answers and of text, which every answer goes
/// through. Nothing reaches AWS or the audit log.
/// </summary>
public sealed partial class CallPathWarmUp(IRedactor redactor, StartupWork startup, ILogger<CallPathWarmUp> logger) : BackgroundService
{
    // An answer shaped like the packs' (ids, ARNs, addresses, tags, times) with the shapes the rules look for, so
    // that matching states are built too, not only the matchers.
    private static readonly byte[] Sample = Encoding.UTF8.GetBytes(
        """{"items":[{"region":"us-east-1","instance_id":"i-0123456789abcdef0","name":"web-1","state":"running","private_ip":"10.0.0.1","launch_time":"2026-01-01T00:00:00Z","arn":"arn:aws:iam::123456789012:role/app","tags":{"Name":"web-1","Key":"Value"},"environment":{"DB_PASSWORD":"x","URL":"https://user:pass@example.com/a"},"note":"Authorization: Bearer abc.def Basic dXNlcjpwYXNz AKIAABCDEFGHIJKLMNOP"}],"next_token":null,"has_more":false}""");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await startup.WaitForQuietStartAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        try
        {
            redactor.RedactResult(ToolResult.Json(Sample));
            redactor.RedactText(Encoding.UTF8.GetString(Sample));
            LogWarm(logger, watch.ElapsedMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWarmFailed(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call path warmed up in {Milliseconds} ms")]
    private static partial void LogWarm(ILogger logger, long milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "The call path could not warm up ({Reason}); the first call will do it")]
    private static partial void LogWarmFailed(ILogger logger, string reason);
}
