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
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"awsmcp {string.Join(' ', args)} did not finish in 90 s");
        }

        return (process.ExitCode, await output, await error);
    }
}
