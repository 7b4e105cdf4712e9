using System.CommandLine;

namespace AwsMcp.Host.Cli;

/// <summary>The <c>awsmcp</c> command line.</summary>
public static class CliApplication
{
    public static RootCommand Create()
    {
        var common = new CommonOptions();
        return new RootCommand("AwsMcp: AWS tools for AI agents over MCP.")
        {
            common.Plugins,
            ServeCommand.Create(common),
            ToolsCommand.Create(common),
            CallCommand.Create(common),
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
        return Create().Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
