using System.Collections.Concurrent;
using System.Diagnostics;

namespace AwsMcp.TestSupport.ScaleOut;

/// <summary>
/// A process of the cluster (Redis, nginx, the sandbox, a replica) with its output kept for failure messages; killed,
/// with its children, when disposed. Waits are bounded: a process that does not say it is ready in time fails the test.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<string, bool> _isReady;
    private int _disposed;

    private ChildProcess(Process process, Func<string, bool> isReady)
    {
        _process = process;
        _isReady = isReady;
    }

    public string Name { get; private init; } = "";

    public int Id => _process.Id;

    public bool HasExited => Volatile.Read(ref _disposed) != 0 || _process.HasExited;

    /// <summary>Everything the process wrote so far, stdout and stderr.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Starts <paramref name="file"/> and waits until a line of its output satisfies <paramref name="isReady"/>.</summary>
    public static async Task<ChildProcess> StartAsync(
        string name, string file, IEnumerable<string> args, IReadOnlyDictionary<string, string?> environment, Func<string, bool> isReady, TimeSpan timeout)
    {
        var child = Start(name, file, args, environment, isReady);
        try
        {
            await child._ready.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            await child.DisposeAsync();
            throw new TimeoutException($"{name} did not say it was ready in {timeout.TotalSeconds} s:{Environment.NewLine}{child.Output}");
        }

        return child;
    }

    private static ChildProcess Start(string name, string file, IEnumerable<string> args, IReadOnlyDictionary<string, string?> environment, Func<string, bool> isReady)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (variable, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(variable);
            }
            else
            {
                start.Environment[variable] = value;
            }
        }

        var child = new ChildProcess(Process.Start(start)!, isReady) { Name = name };
        child._process.OutputDataReceived += child.Collect;
        child._process.ErrorDataReceived += child.Collect;
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Starts <paramref name="file"/> and polls <paramref name="probe"/> (every 100 ms) until it says the process is ready.</summary>
    public static async Task<ChildProcess> StartAsync(
        string name, string file, IEnumerable<string> args, IReadOnlyDictionary<string, string?> environment, Func<Task<bool>> probe, TimeSpan timeout)
    {
        var child = Start(name, file, args, environment, _ => false);
        using var deadline = new CancellationTokenSource(timeout);
        while (!await probe())
        {
            if (child.HasExited || deadline.IsCancellationRequested)
            {
                await child.DisposeAsync();
                throw new TimeoutException($"{name} did not become ready in {timeout.TotalSeconds} s:{Environment.NewLine}{child.Output}");
            }

            await Task.Delay(100, CancellationToken.None);
        }

        return child;
    }

    /// <summary>The first line of output that satisfied the readiness check.</summary>
    public Task<string> ReadyLine => _ready.Task;

    /// <summary>Kills the process at once (SIGKILL): no shutdown, no flushing, like a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (Volatile.Read(ref _disposed) == 0 && !_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _process.Dispose();
        }
    }

    private void Collect(object sender, DataReceivedEventArgs e)
    {
        if (e.Data is null)
        {
            return;
        }

        // Bounded: a chatty process under load keeps its last lines only.
        _output.Enqueue(e.Data);
        while (_output.Count > 2000 && _output.TryDequeue(out _))
        {
        }

        if (_isReady(e.Data))
        {
            _ready.TrySetResult(e.Data);
        }
    }
}
