using System.Runtime.InteropServices;

namespace AwsMcp.Host.Hosting.Startup;

/// <summary>
/// Once start-up work is over (<see cref="StartupWork.WarmedUp"/>), hands back to the system the native memory the
/// runtime keeps for compiling more code at the same pace. The JIT caches up to 16 MiB of scratch blocks (measured
/// 8 MiB of an idle server's 123) and frees a block only on the second pass of the finalizer thread at least 2 s after
/// the block was last used; a server waiting for requests has no collections, so no passes, and would hold them for
/// good. Three passes 2 s apart free them, then glibc returns the freed pages (<c>malloc_trim</c>). The only runtime
/// knob for this (<c>DOTNET_JitHostMaxSlabCache</c>) is an environment variable, which a plain
/// <c>dotnet awsmcp.dll</c> would not have.
/// </summary>
public sealed partial class StartupMemoryRelease(StartupWork startup, TimeProvider time) : BackgroundService
{
    // Slightly more than the runtime's 2 s between two flushes of its cache, as its clock has a coarse tick.
    private static readonly TimeSpan BetweenPasses = TimeSpan.FromMilliseconds(2100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await startup.WarmedUp.WaitAsync(stoppingToken).ConfigureAwait(false);
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
