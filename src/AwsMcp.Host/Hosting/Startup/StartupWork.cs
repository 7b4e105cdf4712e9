namespace AwsMcp.Host.Hosting.Startup;

/// <summary>
/// When background start-up work (warming the packs, finding the AWS identity) may run: once the server listens and
/// the client that connected first has had its handshake answered (no answer for <see cref="Quiet"/> after the first
/// one: an MCP client sends initialize, initialized and tools/list back to back), or a moment after it listens when
/// nobody connects; never later than <see cref="Latest"/>. On two cores warming up beside the handshake measured it
/// 0.3 s slower. The first tools/call usually follows the first tools/list by a model's turn, time enough to warm up.
/// </summary>
public sealed class StartupWork(IHostApplicationLifetime lifetime, TimeProvider time)
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Latest = TimeSpan.FromSeconds(3);

    private readonly TaskCompletionSource _firstAnswer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _warmedUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastAnswer;

    /// <summary>Completes when the packs have warmed up (or failed to); the identity probe reuses what they loaded.</summary>
    public Task WarmedUp => _warmedUp.Task;

    /// <summary>When the HTTP front last answered (a <see cref="TimeProvider"/> timestamp; 0 before the first answer).</summary>
    public long LastAnswer => Volatile.Read(ref _lastAnswer);

    /// <summary>The HTTP front calls this after each answer: the first lets start-up work begin, the latest says since when the server is quiet.</summary>
    public void AnswerSent()
    {
        Volatile.Write(ref _lastAnswer, time.GetTimestamp());
        _firstAnswer.TrySetResult();
    }

    /// <summary>The packs have warmed up (or failed to): what start-up left behind can go (<see cref="IdleMemoryRelease"/>).</summary>
    public void WarmUpDone() => _warmedUp.TrySetResult();

    /// <summary>True once background work may start; false when the server stops first.</summary>
    public async Task<bool> WaitForQuietStartAsync(CancellationToken stoppingToken)
    {
        if (!await WaitForStartAsync(stoppingToken).ConfigureAwait(false))
        {
            return false;
        }

        var listening = time.GetTimestamp();
        await Task.WhenAny(_firstAnswer.Task, Task.Delay(Grace, time, stoppingToken)).ConfigureAwait(false);
        while (_firstAnswer.Task.IsCompleted && !stoppingToken.IsCancellationRequested && time.GetElapsedTime(listening) < Latest)
        {
            var sinceLast = time.GetElapsedTime(Volatile.Read(ref _lastAnswer));
            if (sinceLast >= Quiet)
            {
                break;
            }

            await Task.Delay(Quiet - sinceLast, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

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
