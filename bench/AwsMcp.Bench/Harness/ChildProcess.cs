using System.Collections.Concurrent;
using System.Diagnostics;

namespace AwsMcp.Bench.Harness;

/// <summary>A child process whose output lines are collected; killed (by its own handle) when disposed.</summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Func<string, bool> _readySignal;
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process, Func<string, bool> readySignal)
    {
        _process = process;
        _readySignal = readySignal;
    }

    public int Id => _process.Id;

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>Starts <c>dotnet &lt;arguments&gt;</c>; <paramref name="readySignal"/> picks the line that means "ready".</summary>
    public static ChildProcess StartDotnet(IEnumerable<string> arguments, Func<string, bool> readySignal, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var child = new ChildProcess(Process.Start(start)!, readySignal);
        child._process.OutputDataReceived += child.Collect;
        child._process.ErrorDataReceived += child.Collect;
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for the ready line (bounded); fails with the child's output if it never comes.</summary>
    public async Task<string> WaitUntilReadyAsync(TimeSpan timeout)
    {
        try
        {
            return await _ready.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"child process {Id} was not ready after {timeout}:{Environment.NewLine}{string.Join(Environment.NewLine, Lines)}");
        }
    }

    /// <summary>Waits for the child to exit (bounded) and returns its output.</summary>
    public async Task<IReadOnlyCollection<string>> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit();
        return _process.ExitCode == 0
            ? Lines
            : throw new InvalidOperationException($"child process {Id} exited with {_process.ExitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, Lines)}");
    }

    /// <summary>The resident set size from /proc (Linux), in bytes.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>
    /// Writes a full dump of the child with <c>dotnet-dump</c> (on PATH or in ~/.dotnet/tools), for a call that hung;
    /// returns its path, or why there is none. Bounded to two minutes.
    /// </summary>
    public async Task<string> DumpAsync()
    {
        var tool = new[] { Environment.GetEnvironmentVariable("PATH") ?? "", Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools") }
            .SelectMany(paths => paths.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            .Select(folder => Path.Combine(folder, "dotnet-dump"))
            .FirstOrDefault(File.Exists);
        if (tool is null)
        {
            return "no dump (dotnet-dump not found; `dotnet tool install -g dotnet-dump`)";
        }

        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "awsmcp-bench-dumps")).FullName, $"hang-{Id}-{DateTime.UtcNow:yyyyMMddHHmmss}.dmp");
        using var dump = Process.Start(new ProcessStartInfo(tool, ["collect", "-p", Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", path, "--type", "Full"]) { UseShellExecute = false })!;
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await dump.WaitForExitAsync(limit.Token);
        return dump.ExitCode == 0 ? path : $"no dump (dotnet-dump exited with {dump.ExitCode})";
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Collect(object sender, DataReceivedEventArgs e)
    {
        if (e.Data is null)
        {
            return;
        }

        _lines.Enqueue(e.Data);
        if (_readySignal(e.Data))
        {
            _ready.TrySetResult(e.Data);
        }
    }
}
