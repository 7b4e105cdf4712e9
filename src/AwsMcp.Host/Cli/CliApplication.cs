using System.CommandLine;
using AwsMcp.Abstractions.Runtime;

namespace AwsMcp.Host.Cli;

/// <summary>The <c>awsmcp</c> command line.</summary>
public static class CliApplication
{
    public static RootCommand Create()
    {
        var common = new CommonOptions();
        return new RootCommand("AwsMcp: AWS tools for AI agents over MCP.")
        {
            ServeCommand.Create(common),
            ToolsCommand.Create(common),
            CallCommand.Create(common),
            DoctorCommand.Create(common),
            SandboxCommand.Create(),
            PluginsCommand.Create(common),
            AuditCommand.Create(),
            KeysCommand.Create(),
        };
    }

    /// <summary>Parses and runs <paramref name="args"/>; output and errors go to the given writers (the console by default).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,

            // The host handles Ctrl+C and SIGTERM itself and shuts down gracefully.
            ProcessTerminationTimeout = null,
        };
        var parseResult = Create().Parse(args);
        if (parseResult.Errors.Count > 0 && !parseResult.Tokens.Any(token => token.Value is "--help" or "-h" or "-?"))
        {
            return Task.FromResult(UsageError(parseResult, configuration.Error));
        }

        return parseResult.InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>A mistyped command line: what is wrong, the nearest command or option, where help is; exit 2, no full help.</summary>
    private static int UsageError(ParseResult parseResult, TextWriter error)
    {
        var command = parseResult.CommandResult.Command;
        var known = command.Subcommands.Select(c => c.Name).Concat(command.Options.SelectMany(o => o.Aliases.Prepend(o.Name))).ToList();
        foreach (var problem in parseResult.Errors)
        {
            error.WriteLine(problem.Message);
        }

        foreach (var token in parseResult.UnmatchedTokens.Take(1))
        {
            if (ClosestName.Find(token, known) is { } closest)
            {
                error.WriteLine($"Did you mean '{closest}'?");
            }
        }

        var path = string.Join(' ', CommandPath(command));
        error.WriteLine($"Run '{path} --help' for usage.");
        return ExitCodes.InvalidConfiguration;
    }

    private static IEnumerable<string> CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is Command current; symbol = current.Parents.FirstOrDefault())
        {
            names.Insert(0, current is RootCommand ? "awsmcp" : current.Name);
        }

        return names;
    }
}
