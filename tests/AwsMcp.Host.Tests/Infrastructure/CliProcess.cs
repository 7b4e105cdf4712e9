using System.Diagnostics;

namespace AwsMcp.Host.Tests.Infrastructure;

/// <summary>Runs the built <c>awsmcp</c> as its own process (commands that change process-wide state, such as <c>--sandbox</c>).</summary>
public static class CliProcess
{
    /// <summary>Starts <c>awsmcp &lt;args&gt;</c> with its output redirected; a null value removes that variable.</summary>
    public static Process Start(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(TestBuild.HostAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs <c>awsmcp &lt;args&gt;</c> to its end (bounded) and returns its exit code and output.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var process = Start(environment, args);
        return await ToEndAsync(process, $"awsmcp {string.Join(' ', args)}", TimeSpan.FromSeconds(90));
    }

    /// <summary>Runs another program (<c>helm</c>, a script) to its end, bounded, with its output redirected.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunProgramAsync(string program, IEnumerable<string> args, TimeSpan limit)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        return await ToEndAsync(process, $"{program} {string.Join(' ', start.ArgumentList)}", limit);
    }

    private static async Task<(int Exit, string Output, string Error)> ToEndAsync(Process process, string description, TimeSpan limit)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{description} did not finish in {limit.TotalSeconds:0} s");
        }

        return (process.ExitCode, await output, await error);
    }
}
