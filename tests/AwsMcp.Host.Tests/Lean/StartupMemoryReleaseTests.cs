using AwsMcp.Host.Hosting.Startup;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace AwsMcp.Host.Tests.Lean;

/// <summary>
/// The runtime frees the JIT's cached scratch only on finalizer passes 2 s apart: the release waits for the packs to
/// have warmed up, then makes three passes 2.1 s apart and trims the native heap.
/// </summary>
public sealed class StartupMemoryReleaseTests
{
    [Fact]
    public async Task Runs_once_the_packs_have_warmed_up_and_passes_two_seconds_apart()
    {
        var time = new FakeTimeProvider();
        var startup = new StartupWork(new NeverStartedLifetime(), time);
        using var release = new StartupMemoryRelease(startup, time);
        await release.StartAsync(CancellationToken.None);

        Assert.False(await FinishesWithinAsync(release, time, TimeSpan.FromSeconds(10)), "released before the packs warmed up");

        startup.WarmUpDone();
        var waited = TimeSpan.Zero;
        bool finished;
        do
        {
            finished = await FinishesWithinAsync(release, time, TimeSpan.FromMilliseconds(100));
            waited += TimeSpan.FromMilliseconds(100);
            Assert.True(waited < TimeSpan.FromSeconds(30), "never finished");
        }
        while (!finished);

        // Three passes, 2.1 s between each: the runtime's cache gives a block back on the second pass 2 s after its use.
        Assert.InRange(waited, TimeSpan.FromMilliseconds(4200), TimeSpan.FromSeconds(30));
    }

    // Moves the clock in steps, giving the release's continuations a moment on the thread pool after each.
    private static async Task<bool> FinishesWithinAsync(StartupMemoryRelease release, FakeTimeProvider time, TimeSpan span)
    {
        for (var moved = TimeSpan.Zero; moved < span; moved += TimeSpan.FromMilliseconds(100))
        {
            await Task.Delay(5);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        await Task.Delay(20);
        return release.ExecuteTask!.IsCompleted;
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
