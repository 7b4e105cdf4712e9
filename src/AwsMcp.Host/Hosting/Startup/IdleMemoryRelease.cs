using System.Runtime.InteropServices;

namespace AwsMcp.Host.Hosting.Startup;

/// <summary>
/// Hands back to the system the native memory that work leaves behind, once start-up work is over
/// (<see cref="StartupWork.WarmedUp"/>) and again whenever the server goes quiet after answering (no answer for
/// <see cref="Quiet"/>). The JIT caches up to 16 MiB of compile scratch and frees a block only on the second pass of
/// the finalizer thread at least 2 s after the block was last used; a waiting server has no collections, so no passes,
/// and would hold it for good (measured 8–10 MiB of an idle server's 125 after start-up). glibc keeps what many
/// threads freed in their arenas (measured 8 MiB after 2,000 calls from 32 clients). Three passes 2 s apart free
/// the first, <c>malloc_trim</c> returns both. The runtime's own knob for the first
/// (<c>DOTNET_JitHostMaxSlabCache</c>) is an environment variable, which a plain <c>dotnet awsmcp.dll</c> would not have.
/// After start-up the managed heap is compacted first. Answers are counted by the HTTP front: over stdio only the
/// start-up release runs.
/// </summary>
public sealed partial class IdleMemoryRelease(StartupWork startup, TimeProvider time) : BackgroundService
{
    /// <summary>How long without an answer counts as quiet; also how often that is checked.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(5);

    // Slightly more than the runtime's 2 s between two flushes of its cache, as its clock has a coarse tick.
    private static readonly TimeSpan BetweenPasses = TimeSpan.FromMilliseconds(2100);

    private int _releases;

    /// <summary>How many times memory was handed back.</summary>
    internal int Releases => Volatile.Read(ref _releases);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await startup.WarmedUp.WaitAsync(stoppingToken).ConfigureAwait(false);
        var released = time.GetTimestamp();

        // Once: a compacting, decommitting collection hands back the managed garbage start-up left (parsed metadata,
        // warm-up answers), measured 4–5 MiB of an idle server's memory.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        await ReleaseAsync(stoppingToken).ConfigureAwait(false);
        using var check = new PeriodicTimer(Quiet, time);
        while (await check.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            var lastAnswer = startup.LastAnswer;
            if (lastAnswer > released && time.GetElapsedTime(lastAnswer) >= Quiet)
            {
                released = time.GetTimestamp();
                await ReleaseAsync(stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ReleaseAsync(CancellationToken stoppingToken)
    {
        for (var pass = 0; pass < 3; pass++)
        {
            if (pass > 0)
            {
                await Task.Delay(BetweenPasses, time, stoppingToken).ConfigureAwait(false);
            }

            // Wakes the finalizer thread for one pass, which is where the runtime trims the JIT's cache.
            GC.WaitForPendingFinalizers();
        }

        TrimNativeHeap();
        Interlocked.Increment(ref _releases);
    }

    private static void TrimNativeHeap()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            MallocTrim(0);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl has no malloc_trim): its allocator returns free pages by itself.
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
