using AwsMcp.Host.Hosting.Startup;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace AwsMcp.Host.Tests.Lean;

/// <summary>
/// The runtime frees the JIT's cached scratch only on finalizer passes 2 s apart: memory goes back once the packs have
/// warmed up (three passes 2.1 s apart, then the native heap is trimmed), and again each time the server goes quiet
/// after answering, never while nothing was answered since.
/// </summary>
public sealed class IdleMemoryReleaseTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task Releases_after_warm_up_and_again_only_when_the_server_goes_quiet_after_answering()
    {
        var time = new FakeTimeProvider();
        var startup = new StartupWork(new NeverStartedLifetime(), time);
        using var release = new IdleMemoryRelease(startup, time);
        await release.StartAsync(CancellationToken.None);

        await AdvanceAsync(time, TimeSpan.FromSeconds(10));
        Assert.Equal(0, release.Releases);

        startup.WarmUpDone();
        var waited = await AdvanceUntilAsync(time, () => release.Releases == 1);

        // Three passes, 2.1 s between each: the runtime's cache gives a block back on the second pass 2 s after its use.
        Assert.InRange(waited, TimeSpan.FromMilliseconds(4200), TimeSpan.FromSeconds(30));

        await AdvanceAsync(time, TimeSpan.FromSeconds(30));
        Assert.Equal(1, release.Releases);

        startup.AnswerSent();
        await AdvanceAsync(time, IdleMemoryRelease.Quiet - TimeSpan.FromSeconds(1));
        startup.AnswerSent();
        await AdvanceUntilAsync(time, () => release.Releases == 2);
        Assert.True(time.GetElapsedTime(startup.LastAnswer) >= IdleMemoryRelease.Quiet, "released while the server was answering");

        await AdvanceAsync(time, TimeSpan.FromSeconds(30));
        Assert.Equal(2, release.Releases);
    }

    // Moves the clock in steps, giving the release's continuations a moment on the thread pool after each.
    private static async Task AdvanceAsync(FakeTimeProvider time, TimeSpan span)
    {
        for (var moved = TimeSpan.Zero; moved < span; moved += Step)
        {
            await Task.Delay(2);
            time.Advance(Step);
        }

        await Task.Delay(20);
    }

    private static async Task<TimeSpan> AdvanceUntilAsync(FakeTimeProvider time, Func<bool> condition)
    {
        var moved = TimeSpan.Zero;
        while (!condition())
        {
            Assert.True(moved < TimeSpan.FromSeconds(60), "never happened");
            await AdvanceAsync(time, Step);
            moved += Step;
        }

        return moved;
    }

    private sealed class NeverStartedLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
