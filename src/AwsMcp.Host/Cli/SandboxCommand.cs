using System.CommandLine;
using System.Runtime.InteropServices;
using AwsMcp.Host.Sandbox;
using AwsMcp.Sandbox;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Host.Cli;

/// <summary>
/// <c>awsmcp sandbox</c>: only the built-in AWS emulator, in its own process, until Ctrl+C. Servers started with the
/// printed environment (or the AWS CLI and SDKs) talk to it as to AWS; the server then carries none of its memory.
/// </summary>
public static class SandboxCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "The port on 127.0.0.1 (default 4566; 0 picks a free one).", DefaultValueFactory = _ => 4566 };
        var command = new Command("sandbox", "Run only the built-in AWS emulator on 127.0.0.1 and print the environment that points AWS clients at it.") { port };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            await using var server = await SandboxServer.StartAsync(new SandboxOptions { Port = parseResult.GetValue(port) }, cancellationToken);
            output.WriteLine($"AWS sandbox on {server.Endpoint} (account {SandboxIdentities.DefaultAccount}). Point a server or the AWS CLI at it:");
            foreach (var (name, value) in server.ClientEnvironment(SandboxEnvironment.Region).Where(variable => variable.Value is not null))
            {
                output.WriteLine($"  export {name}={value}");
            }

            output.WriteLine("  awsmcp serve");
            output.WriteLine("Ctrl+C stops it.");
            output.Flush();
            // Ctrl+C or SIGTERM: stop the emulator and exit normally (the command line leaves signals to commands).
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => Stop(signal, stop));
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => Stop(signal, stop));
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Stop(PosixSignalContext signal, CancellationTokenSource stop)
    {
        signal.Cancel = true;
        stop.Cancel();
    }
}
