namespace AwsMcp.Host.Hosting.Startup;

/// <summary>
/// When background start-up work (warming the packs, finding the AWS identity) may run: once the server listens and
/// has answered its first request, or a moment after it listens, whichever comes first, so that on two cores it
/// does not delay the client that connects right after a deploy. The first tools/call usually follows the first
/// tools/list by a model's turn, time enough to warm up.
/// </summary>
public sealed class StartupWork(IHostApplicationLifetime lifetime)
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    private readonly TaskCompletionSource _firstAnswer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _warmedUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the packs have warmed up (or failed to); the identity probe reuses what they loaded.</summary>
    public Task WarmedUp => _warmedUp.Task;

    /// <summary>The HTTP front calls this after each answer; only the first counts.</summary>
    public void AnswerSent() => _firstAnswer.TrySetResult();

    public void WarmUpDone() => _warmedUp.TrySetResult();

    /// <summary>True once background work may start; false when the server stops first.</summary>
    public async Task<bool> WaitForQuietStartAsync(CancellationToken stoppingToken)
    {
        if (!await WaitForStartAsync(stoppingToken).ConfigureAwait(false))
        {
            return false;
        }

        await Task.WhenAny(_firstAnswer.Task, Task.Delay(Grace, stoppingToken)).ConfigureAwait(false);
        return !stoppingToken.IsCancellationRequested;
    }

    /// <summary>True once the server listens; false when it stops first.</summary>
    public async Task<bool> WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task.ConfigureAwait(false);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }
}
