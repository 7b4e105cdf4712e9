namespace AwsMcp.Host.Plugins;

/// <summary>
/// The calls of one loaded plugin still running. A replaced or removed plugin keeps serving the calls that found it;
/// its services (AWS clients, connection pools) are disposed, and its load context released, once they are done.
/// </summary>
public sealed class PluginCalls
{
    private int _running;

    public int Running => Volatile.Read(ref _running);

    /// <summary>Counts a call in until the returned scope is disposed.</summary>
    public Scope Enter()
    {
        Interlocked.Increment(ref _running);
        return new Scope(this);
    }

    /// <summary>Waits (polling, bounded) until no call is running; false when some still were at the deadline.</summary>
    public async Task<bool> WaitForIdleAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Running > 0)
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50)).ConfigureAwait(false);
        }

        return true;
    }

    public readonly struct Scope(PluginCalls calls) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref calls._running);
    }
}
