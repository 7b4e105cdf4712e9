using System.CommandLine;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Hosting;
using AwsMcp.Host.Sandbox;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Cli;

/// <summary>Runs a one-shot command against a started host (options validated, plugins loaded), then stops it.</summary>
public static class CommandHost
{
    /// <summary>A command group such as <c>plugins</c> with a <c>list</c> subcommand run by <paramref name="list"/>.</summary>
    public static Command ListGroup(
        string name, string description, string listDescription, CommonOptions common, Func<IServiceProvider, TextWriter, CancellationToken, Task<int>> list)
    {
        var command = new Command("list", listDescription) { common.Plugins };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, common, list, cancellationToken));
        return new Command(name, description) { command };
    }

    public static async Task<int> RunAsync(
        ParseResult parseResult, CommonOptions common, Func<IServiceProvider, TextWriter, CancellationToken, Task<int>> command, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var overrides = common.Overrides(parseResult);
        await using var sandbox = common.WantsSandbox(parseResult) ? await StartSandboxAsync(cancellationToken) : null;

        // Sandbox calls change nothing real: unless the operator named an audit folder, they get one of their own.
        using var host = HostFactory.CreateCommand(
            overrides, sandbox is null ? null : new() { [$"{ConfigurationSections.Audit}:{nameof(AuditOptions.Path)}"] = Path.Combine(Path.GetTempPath(), "awsmcp-sandbox-audit") });
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (OptionsValidationException ex)
        {
            return ConfigurationError(parseResult, ex);
        }

        // Ctrl+C stops the host (its console lifetime owns the signal); let it cancel the command too.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(
            cancellationToken, host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        try
        {
            return await command(host.Services, output, stopping.Token);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    public static int ConfigurationError(ParseResult parseResult, OptionsValidationException exception)
    {
        var error = parseResult.InvocationConfiguration.Error;
        error.WriteLine("Invalid configuration:");
        foreach (var failure in exception.Failures)
        {
            error.WriteLine($"  {failure}");
        }

        return ExitCodes.InvalidConfiguration;
    }

    /// <summary><c>--sandbox</c> for a one-shot command: the emulator in this process, saying only that it is one.</summary>
    private static async Task<SandboxEnvironment> StartSandboxAsync(CancellationToken cancellationToken)
    {
        using var loggerFactory = LoggerFactory.Create(logging => logging
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(LogLevel.Warning));
        return await SandboxEnvironment.StartAsync(loggerFactory, cancellationToken);
    }
}
